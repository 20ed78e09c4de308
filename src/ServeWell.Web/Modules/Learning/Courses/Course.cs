using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>What a lesson is. SCORM is reserved for the packages a later part adds (a package id, no behaviour yet).</summary>
public enum LessonKind
{
    Text = 0,
    Scorm = 1,

    /// <summary>A quiz (ADR-044): done when the learner passes it.</summary>
    Quiz = 2,
}

/// <summary>
/// A programme's self-study course (ADR-042). What officers edit is the draft (<see cref="Sections"/> and their lessons);
/// publishing copies it into a <see cref="CourseVersion"/> that never changes, as survey definitions do (ADR-017).
/// </summary>
public sealed class Course
{
    public int Id { get; private set; }

    /// <summary>One course per programme; its title is the programme's.</summary>
    public int ProgrammeId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime DraftUpdatedAt { get; set; }

    public List<CourseSection> Sections { get; } = [];
}

public sealed class CourseSection
{
    public int Id { get; private set; }

    public int CourseId { get; set; }

    public int Order { get; set; }

    public required LocalText Title { get; set; }

    public List<CourseLesson> Lessons { get; } = [];
}

/// <summary>A draft lesson. Its id is the lesson's key in every version, so progress follows a lesson across versions.</summary>
public sealed class CourseLesson
{
    public const int MaxBody = 20000;

    public int Id { get; private set; }

    public int SectionId { get; set; }

    public int Order { get; set; }

    public LessonKind Kind { get; set; }

    public required LocalText Title { get; set; }

    /// <summary>Markdown per language (ADR-030), rendered by <see cref="LessonMarkdown"/>.</summary>
    public LocalText Body { get; set; } = LocalText.Empty;

    /// <summary>A video by link: an allow-listed provider becomes a player, any other address a plain link.</summary>
    public string? VideoUrl { get; set; }

    public int Minutes { get; set; }

    /// <summary>Reserved for SCORM lessons (a later part); no behaviour yet.</summary>
    public int? ScormPackageId { get; set; }

    /// <summary>The quiz a <see cref="LessonKind.Quiz"/> lesson is (ADR-044).</summary>
    public int? QuizId { get; set; }
}

/// <summary>A published version: the draft as it was, as JSON (<see cref="CourseContent"/>), numbered 1, 2, …</summary>
public sealed class CourseVersion : IImmutableRecord
{
    public int Id { get; init; }

    public int CourseId { get; init; }

    public int Number { get; init; }

    public required string Content { get; init; }

    public int LessonCount { get; init; }

    public int Minutes { get; init; }

    public DateTime PublishedAtUtc { get; init; }

    public required string PublishedBy { get; init; }
}

/// <summary>
/// One employee working through one version of a course in one cycle of its programme. Started on the version that was
/// the latest then, and finished on that version whatever is published meanwhile.
/// </summary>
public sealed class CourseAttempt
{
    public int Id { get; private set; }

    public int CourseId { get; set; }

    public int CourseVersionId { get; set; }

    public int EmployeeId { get; set; }

    public int Cycle { get; set; }

    public DateTime StartedAtUtc { get; set; }

    /// <summary>When the last lesson of the version was done; null while lessons remain.</summary>
    public DateTime? CompletedAtUtc { get; set; }

    /// <summary>The lesson opened last: where "Resume" leads.</summary>
    public int? LastLessonKey { get; set; }

    public DateTime? LastOpenedAtUtc { get; set; }
}

/// <summary>A lesson of an attempt that was opened, and once the learner said so, done. Opening is not completing.</summary>
public sealed class LessonStep
{
    public long Id { get; private set; }

    public int AttemptId { get; set; }

    public int LessonKey { get; set; }

    public DateTime FirstOpenedAtUtc { get; set; }

    public DateTime? DoneAtUtc { get; set; }

    public int SecondsSpent { get; set; }

    /// <summary>The Idempotency-Key that marked it done through the API (offline sync replays it).</summary>
    public string? IdempotencyKey { get; set; }
}
