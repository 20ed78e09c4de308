namespace ServeWell.Web.Modules.Learning.Offline;

/// <summary>
/// The offline parts of a course page (<paramref name="LessonKey"/> null: "Keep for offline") or of a lesson page: the
/// banner shown when the page comes from the phone's copy, and the count of lessons waiting to be sent (ADR-045).
/// </summary>
public sealed record OfflinePanel(int ProgrammeId, int? LessonKey, int NeedsConnection = 0)
{
    /// <summary>On a question or submit page of a quiz attempt kept for offline (ADR-056): the attempt.</summary>
    public long? AttemptId { get; init; }

    /// <summary>On a question page: the question's position in the attempt.</summary>
    public int? Position { get; init; }

    /// <summary>On the submit page: how many questions the attempt has, and those answered on the server.</summary>
    public int Questions { get; init; }

    public IReadOnlyList<int>? Answered { get; init; }

    /// <summary>The panel of a quiz attempt's page: not tied to one course, as a quiz may be a lesson of several.</summary>
    public static OfflinePanel ForAttempt(long attemptId, int? position = null) => new(0, null) { AttemptId = attemptId, Position = position };
}
