namespace ServeWell.Web.Modules.Training.MyTraining;

/// <summary>The one thing a person should do next in a programme, shown as the primary action on "My training" (ADR-032).</summary>
public enum StepKind
{
    /// <summary>Study the programme's self-study course (ADR-042).</summary>
    StudyCourse,
    ChooseSession,
    NoSessionsYet,
    Waitlisted,
    Attend,
    CheckIn,
    Evaluate,
    TakeKnowledgeCheck,
    DownloadCertificate,
    Completed,
}

/// <summary>What the rule needs to know about one person in one programme.</summary>
public sealed record StepFacts
{
    public bool Complete { get; init; }

    /// <summary>The verification code of the valid certificate of the current completion, if there is one.</summary>
    public string? CertificateCode { get; init; }

    public bool Attended { get; init; }

    public bool EvaluationRequired { get; init; }

    public bool EvaluationSubmitted { get; init; }

    /// <summary>The evaluation of the attended session can be sent now.</summary>
    public bool EvaluationOpen { get; init; }

    public bool HasKnowledgeCheck { get; init; }

    public bool KnowledgeCheckRequired { get; init; }

    public bool KnowledgeCheckPassed { get; init; }

    public bool KnowledgeCheckTaken { get; init; }

    /// <summary>A place (not a waitlist place) in a session that has not ended.</summary>
    public bool HasPlace { get; init; }

    public bool OnWaitlist { get; init; }

    /// <summary>The session with the person's place is under way (or about to start): time to check in.</summary>
    public bool SessionUnderWay { get; init; }

    public bool SessionsToChoose { get; init; }

    /// <summary>False only for a self-study programme (ADR-042).</summary>
    public bool AttendanceRequired { get; init; } = true;

    /// <summary>The programme has a self-study course the person can open (required or, for blended, to read beforehand).</summary>
    public bool HasCourse { get; init; }

    public bool CourseRequired { get; init; }

    public bool CourseCompleted { get; init; }
}

/// <summary>
/// The next-step rule (ADR-032), first match wins: a completed programme offers its certificate; a self-study course
/// not yet done (ADR-042) for self-study, before a blended programme's session, or when required after it; after attending, what
/// completion still waits for (the evaluation, then the knowledge check), then what is still open to do; with a place,
/// check in while the session runs, otherwise attend it; on a waitlist, wait; otherwise choose a session (or wait for one).
/// </summary>
public static class NextStep
{
    /// <summary>How long before the start the step turns from "attend" to "check in".</summary>
    public static readonly TimeSpan CheckInOpensBefore = TimeSpan.FromMinutes(30);

    public static StepKind Of(StepFacts f)
    {
        if (f.Complete)
        {
            return f.CertificateCode is null ? StepKind.Completed : StepKind.DownloadCertificate;
        }

        // The course first where nothing else is under way (a blended programme's "read this before the session");
        // after attending, a required course comes before what follows the session.
        var courseToDo = f.HasCourse && !f.CourseCompleted;
        if (courseToDo && (!f.AttendanceRequired || (f.Attended ? f.CourseRequired : !f.HasPlace && !f.OnWaitlist)))
        {
            return StepKind.StudyCourse;
        }

        if (!f.AttendanceRequired)
        {
            return f.KnowledgeCheckRequired && !f.KnowledgeCheckPassed ? StepKind.TakeKnowledgeCheck : StepKind.Completed;
        }

        if (f.Attended)
        {
            if (f.EvaluationRequired && !f.EvaluationSubmitted)
            {
                return StepKind.Evaluate;
            }

            if (f.KnowledgeCheckRequired && !f.KnowledgeCheckPassed)
            {
                return StepKind.TakeKnowledgeCheck;
            }

            if (f.EvaluationOpen && !f.EvaluationSubmitted)
            {
                return StepKind.Evaluate;
            }

            return f.HasKnowledgeCheck && !f.KnowledgeCheckTaken ? StepKind.TakeKnowledgeCheck : StepKind.Completed;
        }

        if (f.HasPlace)
        {
            return f.SessionUnderWay ? StepKind.CheckIn : StepKind.Attend;
        }

        if (f.OnWaitlist)
        {
            return StepKind.Waitlisted;
        }

        return f.SessionsToChoose ? StepKind.ChooseSession : StepKind.NoSessionsYet;
    }
}
