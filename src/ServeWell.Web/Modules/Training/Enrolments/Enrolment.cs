namespace ServeWell.Web.Modules.Training.Enrolments;

public enum EnrolmentState
{
    Invited = 0,
    Registered = 1,
    Attended = 2,
    NoShow = 3,
    Excused = 4,
    Withdrawn = 5,
}

/// <summary>How the person came to be enrolled: by the programme's audience rule, or by a training officer.</summary>
public enum EnrolmentSource
{
    Rule = 0,
    Manual = 1,
}

/// <summary>Why an enrolment changed state; stored as text in the history.</summary>
public static class EnrolmentReasons
{
    public const string InAudience = "InAudience";
    public const string InAudienceAgain = "InAudienceAgain";
    public const string NoLongerInAudience = "NoLongerInAudience";
    public const string EmployeeLeft = "EmployeeLeft";

    /// <summary>Who made a change that no person made.</summary>
    public const string ByRule = "audience-rule";
}

/// <summary>One employee's place in one programme. Unique per programme and employee; its changes are kept in <see cref="EnrolmentChange"/>.</summary>
public sealed class Enrolment
{
    public int Id { get; private set; }

    public int ProgrammeId { get; set; }

    public int EmployeeId { get; set; }

    public EnrolmentState State { get; set; }

    public EnrolmentSource Source { get; set; }

    /// <summary>Why the enrolment is in its state (one of <see cref="EnrolmentReasons"/>).</summary>
    public string? StateReason { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the enrolment entered its current state.</summary>
    public DateTime StateSince { get; set; }

    /// <summary>Set when the invitation mail is claimed for sending, so it goes out once across all nodes.</summary>
    public DateTime? InvitationMailedAt { get; set; }
}

/// <summary>A state change of an enrolment: from (null when it was created), to, why, when and by whom.</summary>
public sealed class EnrolmentChange
{
    public long Id { get; private set; }

    public int EnrolmentId { get; set; }

    public EnrolmentState? FromState { get; set; }

    public EnrolmentState ToState { get; set; }

    public required string Reason { get; set; }

    public DateTime At { get; set; }

    public required string By { get; set; }
}
