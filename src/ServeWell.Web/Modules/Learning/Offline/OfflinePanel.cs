namespace ServeWell.Web.Modules.Learning.Offline;

/// <summary>
/// The offline parts of a course page (<paramref name="LessonKey"/> null: "Keep for offline") or of a lesson page: the
/// banner shown when the page comes from the phone's copy, and the count of lessons waiting to be sent (ADR-045).
/// </summary>
public sealed record OfflinePanel(int ProgrammeId, int? LessonKey, int NeedsConnection = 0);
