using ServeWell.Web.Modules.Feedback.Touchpoints;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>An answer as the intake acknowledges it: what was stored, scores on both scales, the comment after redaction.</summary>
public sealed record FeedbackAnswerDto(
    long Id,
    string Touchpoint,
    string Channel,
    int SurveyVersion,
    int Overall,
    int OverallScore,
    FeedbackDrivers Drivers,
    FeedbackDrivers DriverScores,
    string? Resolved,
    string? Comment,
    string? CommendedEmployee,
    bool ContactRequested,
    string Language,
    DateTime AnsweredAt,
    DateTime ReceivedAt)
{
    public static FeedbackAnswerDto From(FeedbackAnswer a, Touchpoint touchpoint, string? commendedNumber) => new(
        a.Id, touchpoint.Code, ChannelName(a.Channel), a.SurveyVersionId, a.Overall, a.OverallScore,
        new FeedbackDrivers(a.Timeliness, a.Knowledge, a.Courtesy, a.Fairness, a.Outcome),
        new FeedbackDrivers(a.TimelinessScore, a.KnowledgeScore, a.CourtesyScore, a.FairnessScore, a.OutcomeScore),
        a.Resolved?.ToString().ToLowerInvariant(), a.Comment, commendedNumber, a.ContactRequested, a.Language, a.AnsweredAt, a.ReceivedAt);

    public static string ChannelName(FeedbackChannel channel) => channel switch
    {
        FeedbackChannel.CounterQr => "counter-qr",
        FeedbackChannel.Kiosk => "kiosk",
        FeedbackChannel.Link => "link",
        _ => "website",
    };
}
