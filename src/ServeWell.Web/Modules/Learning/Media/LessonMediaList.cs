namespace ServeWell.Web.Modules.Learning.Media;

/// <summary>What the _LessonMedia partial shows.</summary>
public sealed record LessonMediaList(int CourseId, IReadOnlyList<LessonMedium> Media, bool CanRemove);
