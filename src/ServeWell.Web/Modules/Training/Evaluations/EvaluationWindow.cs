using ServeWell.Web.Modules.Training.Sessions;

namespace ServeWell.Web.Modules.Training.Evaluations;

/// <summary>Where one person stands with the evaluation of one session; the evaluation page says each in words, never "not found".</summary>
public enum EvaluationState
{
    /// <summary>The session was cancelled: there is nothing to evaluate.</summary>
    Cancelled,

    /// <summary>The session has not started yet.</summary>
    NotYetOpen,

    /// <summary>The session has started and the person has a place, but no attendance is recorded for them yet.</summary>
    AwaitingAttendance,

    /// <summary>The person did not take part in this session.</summary>
    NotAttended,

    /// <summary>The person attended another session of the programme: that one is theirs to evaluate.</summary>
    AttendedAnother,

    Open,

    Submitted,

    Closed,
}

/// <summary>The state, with what the page needs to explain it.</summary>
public sealed record EvaluationStatus(
    EvaluationState State, TrainingSession Session, string ProgrammeTitle, DateTime? ClosesAtUtc, int? AttendedSessionId)
{
    public bool CanSubmit => State == EvaluationState.Open;

    /// <summary>The closing instant, for <c>CityClock.Format</c>.</summary>
    public DateTimeOffset? ClosesAt => ClosesAtUtc is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : null;
}

/// <summary>
/// When the evaluation of a session can be used (ADR-032): it opens when the session starts, for whoever attended it, and
/// closes <see cref="OpenAfterEnd"/> after the session ends — unless the programme needs the evaluation to complete, in
/// which case it does not close: closing it would leave the person no way to complete.
/// </summary>
public static class EvaluationWindow
{
    public static readonly TimeSpan OpenAfterEnd = TimeSpan.FromDays(30);

    /// <summary>When the evaluation of <paramref name="session"/> closes, or null when it stays open.</summary>
    public static DateTime? ClosesAtUtc(TrainingSession session, bool requiredForCompletion) =>
        requiredForCompletion ? null : session.EndsAtUtc + OpenAfterEnd;
}
