namespace ServeWell.Web.Modules.Training.Programmes;

/// <summary>Which parts of the completion rule a programme's delivery implies (ADR-042).</summary>
public static class CompletionRules
{
    /// <summary>
    /// Attending is required unless the programme is self-study only; the course is required for self-study (it is
    /// then all there is to do) and for a blended programme whose officer chose it. Sessions-only programmes have no course.
    /// </summary>
    public static CompletionRequirements For(Delivery delivery, bool courseChosen) =>
        (delivery == Delivery.SelfStudy ? 0 : CompletionRequirements.Attended)
        | (delivery == Delivery.SelfStudy || (delivery == Delivery.Blended && courseChosen) ? CompletionRequirements.CourseCompleted : 0);
}
