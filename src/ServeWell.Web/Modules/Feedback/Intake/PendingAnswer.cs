using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>A validated answer waiting for its commit. <see cref="Done"/> completes only after the commit that stored it.</summary>
public sealed class PendingAnswer(FeedbackAnswer answer, FeedbackContact? contact, Touchpoint touchpoint, string? commendedNumber, string key, string hash)
{
    public FeedbackAnswer Answer { get; } = answer;

    public FeedbackContact? Contact { get; } = contact;

    public Touchpoint Touchpoint { get; } = touchpoint;

    public string? CommendedNumber { get; } = commendedNumber;

    public string Key { get; } = key;

    public string Hash { get; } = hash;

    public TaskCompletionSource<FeedbackResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>What listeners are told of the answer, once its id is reserved.</summary>
    public FeedbackReceived Received => new(
        Answer.Id, Answer.OrgUnitId, Answer.ServiceId, Answer.TouchpointId, Answer.Overall, Answer.Comment, Contact, Answer.Language, Answer.AnsweredAt,
        new FeedbackMeasures(
            (int)Answer.Channel, Answer.TimelinessScore, Answer.KnowledgeScore, Answer.CourtesyScore, Answer.FairnessScore, Answer.OutcomeScore,
            Answer.Resolved is not null, Answer.Resolved == Resolution.Yes));

    /// <summary>Gives the answer the id reserved for it (again, when its group failed and it is written on its own).</summary>
    public void Assign(long id) => Answer.AssignId(id);
}
