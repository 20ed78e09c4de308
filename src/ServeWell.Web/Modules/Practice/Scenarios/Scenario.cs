using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Practice.Scenarios;

/// <summary>
/// A branching scenario (ADR-054). Authors edit the <see cref="Draft"/>, one JSON document (<see cref="ScenarioContent"/>);
/// publishing freezes it as a <see cref="ScenarioVersion"/> numbered n + 1.
/// </summary>
public sealed class Scenario
{
    public int Id { get; private set; }

    /// <summary>The Twine story's IFID on export, so a story taken out and brought back stays recognisable.</summary>
    public Guid Key { get; set; } = Guid.NewGuid();

    /// <summary>The library case it was built from (ADR-061: the case's id, chosen from the published library; no foreign key, a withdrawn case keeps its row).</summary>
    public int? CaseId { get; set; }

    public required string Draft { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime DraftUpdatedAtUtc { get; set; }

    public required string CreatedBy { get; set; }

    public ScenarioContent DraftContent
    {
        get => ScenarioContent.FromJson(Draft);
        set => Draft = value.ToJson();
    }
}

/// <summary>A published version: the draft as it was, never changed; attempts keep the version they started on.</summary>
public sealed class ScenarioVersion : IImmutableRecord
{
    public int Id { get; init; }

    public int ScenarioId { get; init; }

    public int Number { get; init; }

    public required string Content { get; init; }

    public int NodeCount { get; init; }

    public DateTime PublishedAtUtc { get; init; }

    public required string PublishedBy { get; init; }
}

/// <summary>
/// One play of one version by one employee. <see cref="Number"/> counts the employee's plays of the scenario (1 = first),
/// so replays count separately; <see cref="CurrentNode"/> is where "Resume" leads.
/// </summary>
public sealed class ScenarioAttempt
{
    public int Id { get; private set; }

    public int ScenarioId { get; set; }

    public int ScenarioVersionId { get; set; }

    public int EmployeeId { get; set; }

    public int Number { get; set; }

    public DateTime StartedAtUtc { get; set; }

    public DateTime? CompletedAtUtc { get; set; }

    public required string CurrentNode { get; set; }

    /// <summary>The replies chosen so far; the next one is step <c>Moves.Count + 1</c>.</summary>
    public List<ScenarioMove> Moves { get; } = [];
}

/// <summary>A reply chosen, recorded as the learner goes so an attempt can be resumed.</summary>
public sealed class ScenarioMove
{
    public int Id { get; private set; }

    public int AttemptId { get; set; }

    public int Step { get; set; }

    public required string Node { get; set; }

    public int Choice { get; set; }

    public DateTime ChosenAtUtc { get; set; }
}
