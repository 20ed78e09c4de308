namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>What the progress partial shows: one learner's course and the city's date (for "overdue").</summary>
public sealed record CourseProgressPanel(StudyView View, DateOnly Today);
