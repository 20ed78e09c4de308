using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Learning.Media;
using ServeWell.Web.Modules.Training;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>What a training officer types for a lesson; the page and the API share its checks.</summary>
public sealed class LessonForm
{
    public LocalTextForm Title { get; set; } = new();

    public LocalTextForm Body { get; set; } = new();

    public string? VideoUrl { get; set; }

    public int? Minutes { get; set; }

    /// <summary>A purchased course (SCORM package, ADR-043) the lesson plays; none for a text lesson.</summary>
    public int? ScormPackageId { get; set; }

    /// <summary>A quiz (ADR-044) the lesson is: done when the learner passes it; none otherwise.</summary>
    public int? QuizId { get; set; }
}

/// <summary>
/// The officer's side of a course (ADR-042): the draft's sections and lessons, their order, and publishing the draft as
/// version n + 1. Each call checks everything first and writes all or nothing.
/// </summary>
public sealed class EditCourse(ServeWellDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const int MaxMinutes = 600;

    public sealed record Problem(string Field, string Message);

    /// <summary>The programme's course, made with one empty section on first use; null for an unknown programme.</summary>
    public async Task<Course?> EnsureAsync(int programmeId, CancellationToken cancellationToken)
    {
        if (await db.Courses.FirstOrDefaultAsync(c => c.ProgrammeId == programmeId, cancellationToken) is { } existing)
        {
            return existing;
        }

        if (!await db.Programmes.AnyAsync(p => p.Id == programmeId, cancellationToken))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var course = new Course { ProgrammeId = programmeId, CreatedAt = now, DraftUpdatedAt = now };
        course.Sections.Add(new CourseSection { Title = LocalText.Of("Section 1", "1부"), Order = 1 });
        db.Courses.Add(course);
        await db.SaveChangesAsync(cancellationToken);
        return course;
    }

    public Task<Course?> LoadAsync(int courseId, CancellationToken cancellationToken) =>
        db.Courses.Include(c => c.Sections).ThenInclude(s => s.Lessons).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == courseId, cancellationToken);

    public async Task<IReadOnlyList<Problem>> AddSectionAsync(Course course, LocalTextForm title, CancellationToken cancellationToken)
    {
        var problems = CheckTitle("title", title);
        if (problems.Count == 0)
        {
            course.Sections.Add(new CourseSection { Title = title.ToText(), Order = course.Sections.Select(s => s.Order).DefaultIfEmpty().Max() + 1 });
            await TouchAsync(course, cancellationToken);
        }

        return problems;
    }

    /// <summary>Adds a lesson at the end of the section, or saves an existing one (<paramref name="lessonId"/>).</summary>
    public async Task<(CourseLesson? Lesson, IReadOnlyList<Problem> Problems)> SaveLessonAsync(
        Course course, int sectionId, int? lessonId, LessonForm form, CancellationToken cancellationToken)
    {
        var section = course.Sections.FirstOrDefault(s => s.Id == sectionId);
        var lesson = lessonId is { } id ? course.Sections.SelectMany(s => s.Lessons).FirstOrDefault(x => x.Id == id) : null;
        var problems = new List<Problem>();
        if (section is null || (lessonId is not null && lesson is null))
        {
            problems.Add(new Problem("sectionId", l["There is no such section or lesson in this course."]));
            return (null, problems);
        }

        problems.AddRange(CheckTitle("title", form.Title));
        foreach (var (lang, text) in new[] { ("ko", form.Body.Ko), ("en", form.Body.En) })
        {
            if ((text?.Length ?? 0) > CourseLesson.MaxBody)
            {
                problems.Add(new Problem($"body.{lang}", l["The text is {0} characters long; at most {1} fit.", text!.Length, CourseLesson.MaxBody]));
            }
        }

        if (form.Minutes is not { } minutes || minutes < 1 || minutes > MaxMinutes)
        {
            problems.Add(new Problem("minutes", l["Give the estimated time in whole minutes, from 1 to {0}.", MaxMinutes]));
        }

        var video = form.VideoUrl?.Trim();
        if (!string.IsNullOrEmpty(video) && (video.Length > 500 || LessonMarkdown.Video(video) is null))
        {
            problems.Add(new Problem("videoUrl", l["The video link must be a web address starting with https:// (at most 500 characters)."]));
        }

        if (form.ScormPackageId is { } packageId
            && !await db.Set<Scorm.ScormPackage>().AnyAsync(p => p.Id == packageId && p.RetiredAt == null, cancellationToken))
        {
            problems.Add(new Problem("scormPackageId", l["Choose one of the purchased courses in the list."]));
        }

        if (form.QuizId is { } quizId && form.ScormPackageId is not null)
        {
            problems.Add(new Problem("quizId", l["A lesson plays a purchased course or is a quiz, not both."]));
        }
        else if (form.QuizId is { } chosen && !await db.Set<Quizzes.Quiz>().AnyAsync(q => q.Id == chosen, cancellationToken))
        {
            problems.Add(new Problem("quizId", l["Choose one of the quizzes in the list."]));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        if (lesson is null)
        {
            lesson = new CourseLesson { Title = form.Title.ToText(), Order = section.Lessons.Select(x => x.Order).DefaultIfEmpty().Max() + 1 };
            section.Lessons.Add(lesson);
        }

        lesson.Title = form.Title.ToText();
        lesson.Body = LocalText.Of(form.Body.En, form.Body.Ko);
        lesson.VideoUrl = string.IsNullOrEmpty(video) ? null : video;
        lesson.Minutes = form.Minutes!.Value;
        lesson.ScormPackageId = form.ScormPackageId;
        lesson.QuizId = form.QuizId;
        lesson.Kind = form.ScormPackageId is not null ? LessonKind.Scorm : form.QuizId is not null ? LessonKind.Quiz : LessonKind.Text;
        await TouchAsync(course, cancellationToken);
        return (lesson, problems);
    }

    /// <summary>Moves a section, or a lesson within its section, one place up (-1) or down (+1); false when it cannot.</summary>
    public async Task<bool> MoveAsync(Course course, int? sectionId, int? lessonId, int by, CancellationToken cancellationToken)
    {
        bool moved;
        if (lessonId is { } lid && course.Sections.FirstOrDefault(s => s.Lessons.Any(x => x.Id == lid)) is { } home)
        {
            moved = Swap(home.Lessons.OrderBy(x => x.Order).ThenBy(x => x.Id).ToList(), x => x.Id == lid, by, (x, o) => x.Order = o);
        }
        else
        {
            moved = sectionId is { } sid && Swap(course.Sections.OrderBy(s => s.Order).ThenBy(s => s.Id).ToList(), s => s.Id == sid, by, (s, o) => s.Order = o);
        }

        if (moved)
        {
            await TouchAsync(course, cancellationToken);
        }

        return moved;
    }

    /// <summary>
    /// Removes a section (with its lessons) or a lesson from the draft; false when the course's draft has no such one.
    /// Published versions are untouched (ADR-046): whoever studies one keeps the lesson, and lesson ids are never reused.
    /// </summary>
    public async Task<bool> DeleteAsync(Course course, int? sectionId, int? lessonId, CancellationToken cancellationToken)
    {
        if (lessonId is { } lid && course.Sections.FirstOrDefault(s => s.Lessons.Any(x => x.Id == lid)) is { } home)
        {
            home.Lessons.Remove(home.Lessons.First(x => x.Id == lid));
        }
        else if (lessonId is null && sectionId is { } sid && course.Sections.FirstOrDefault(s => s.Id == sid) is { } section)
        {
            course.Sections.Remove(section);
        }
        else
        {
            return false;
        }

        await TouchAsync(course, cancellationToken);
        return true;
    }

    /// <summary>The draft as a new version (n + 1); refused with a problem when it has no lessons or equals the latest version.</summary>
    public async Task<(CourseVersion? Version, IReadOnlyList<Problem> Problems)> PublishAsync(Course course, string by, CancellationToken cancellationToken)
    {
        // The media in the draft go with it (ADR-051): this version's learners are served exactly those.
        var media = await db.LessonMedia.AsNoTracking().Where(m => m.CourseId == course.Id && m.RemovedAt == null).ToListAsync(cancellationToken);
        var content = CourseContent.Of(course, media);
        if (!content.Lessons.Any())
        {
            return (null, [new Problem("course", l["Add at least one lesson before publishing."])]);
        }

        var json = content.ToJson();
        var latest = await db.CourseVersions.Where(v => v.CourseId == course.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
        if (latest?.Content == json)
        {
            return (null, [new Problem("course", l["The draft is the same as version {0}; there is nothing new to publish.", latest.Number])]);
        }

        var version = new CourseVersion
        {
            CourseId = course.Id, Number = (latest?.Number ?? 0) + 1, Content = json, LessonCount = content.Lessons.Count(), Minutes = content.Minutes,
            PublishedAtUtc = clock.GetUtcNow().UtcDateTime, PublishedBy = by,
        };
        db.CourseVersions.Add(version);
        db.Audit("publish", nameof(Course), course.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            new { programme = course.ProgrammeId, version = version.Number, lessons = version.LessonCount, minutes = version.Minutes });
        await db.SaveChangesAsync(cancellationToken);
        return (version, []);
    }

    private static bool Swap<T>(List<T> items, Func<T, bool> which, int by, Action<T, int> setOrder)
    {
        var i = items.FindIndex(x => which(x));
        var j = i + Math.Sign(by);
        if (i < 0 || j < 0 || j >= items.Count)
        {
            return false;
        }

        (items[i], items[j]) = (items[j], items[i]);
        for (var k = 0; k < items.Count; k++)
        {
            setOrder(items[k], k + 1);
        }

        return true;
    }

    private List<Problem> CheckTitle(string field, LocalTextForm title)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(title.Ko) && string.IsNullOrWhiteSpace(title.En))
        {
            problems.Add(new Problem(field, l["Enter a title in Korean or English."]));
        }

        foreach (var (lang, text) in new[] { ("ko", title.Ko), ("en", title.En) })
        {
            if ((text?.Trim().Length ?? 0) > 200)
            {
                problems.Add(new Problem($"{field}.{lang}", l["The text is {0} characters long; at most {1} fit.", text!.Trim().Length, 200]));
            }
        }

        return problems;
    }

    private async Task TouchAsync(Course course, CancellationToken cancellationToken)
    {
        course.DraftUpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }
}
