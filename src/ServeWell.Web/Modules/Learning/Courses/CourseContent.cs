using System.Text.Json;
using System.Text.Json.Serialization;
using ServeWell.Web.Modules.Learning.Media;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>
/// A lesson as published. <paramref name="Media"/> lists the uploads the lesson had then (ADR-051): a learner of this version
/// is served exactly those, even after they leave the draft. Left out of the JSON when there are none, so versions
/// published before media existed compare equal to a draft without any.
/// </summary>
public sealed record LessonContent(
    int Key, LessonKind Kind, LocalText Title, LocalText Body, string? VideoUrl, int Minutes, int? ScormPackageId, int? QuizId = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<LessonMediumContent>? Media = null)
{
    public IReadOnlyList<LessonMediumContent> MediaOrNone => Media ?? [];
}

public sealed record SectionContent(LocalText Title, IReadOnlyList<LessonContent> Lessons);

/// <summary>What a published version holds: the sections and lessons of the draft at publishing, in order.</summary>
public sealed record CourseContent(IReadOnlyList<SectionContent> Sections)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public IEnumerable<LessonContent> Lessons => Sections.SelectMany(s => s.Lessons);

    public int Minutes => Lessons.Sum(l => l.Minutes);

    public LessonContent? Find(int key) => Lessons.FirstOrDefault(l => l.Key == key);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static CourseContent FromJson(string json) => JsonSerializer.Deserialize<CourseContent>(json, Json) ?? new CourseContent([]);

    /// <summary>The draft as it stands, in the officers' order, with the media in the draft of each lesson (none when not given).</summary>
    public static CourseContent Of(Course course, IReadOnlyCollection<LessonMedium>? media = null) => new(course.Sections.OrderBy(s => s.Order).ThenBy(s => s.Id)
        .Select(s => new SectionContent(s.Title, s.Lessons.OrderBy(l => l.Order).ThenBy(l => l.Id)
            .Select(l => new LessonContent(l.Id, l.Kind, l.Title, l.Body, l.VideoUrl, l.Minutes, l.ScormPackageId, l.QuizId, LessonMediumContent.Of(media, l.Id))).ToList()))
        .ToList());
}
