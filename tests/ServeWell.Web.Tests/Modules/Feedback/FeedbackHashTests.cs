using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>
/// The idempotency hash is stored with every key: it must not change when the way it is computed does, or a kiosk
/// resending an answer stored earlier would get 422 instead of its original result.
/// </summary>
public sealed class FeedbackHashTests
{
    public static TheoryData<FeedbackRequest> Requests() =>
    [
        new FeedbackRequest("abcd2345efgh6789", 4, null, null, null, null, null, "en", null),
        new FeedbackRequest(
            "abcd2345efgh6789", 2, new FeedbackDrivers(1, null, 5, null, 3), "partly", "기다림이 길었어요 \"quoted\" <b>bold</b> & 20%",
            "E-100", new FeedbackContact("kim@example.kr", "+82 10-1234-5678"), "ko", DateTimeOffset.Parse("2026-11-22T09:15:00.123+09:00", System.Globalization.CultureInfo.InvariantCulture)),
        new FeedbackRequest("abcd2345efgh6789", 5, new FeedbackDrivers(null, null, null, null, null), "yes", "", null, null, "en", null, SurveyVersion: 3),
    ];

    [Theory]
    [MemberData(nameof(Requests))]
    public void Hash_IsTheSameAsTheReflectionSerialiserGave(FeedbackRequest request)
    {
        var before = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(request, new JsonSerializerOptions(JsonSerializerDefaults.Web)))));

        SubmitFeedback.Hash(request).ShouldBe(before);
    }

    [Fact]
    public void Hash_DiffersWhenTheAnswerDoes()
    {
        var one = new FeedbackRequest("abcd2345efgh6789", 4, null, null, null, null, null, "en", null);

        SubmitFeedback.Hash(one with { Overall = 5 }).ShouldNotBe(SubmitFeedback.Hash(one));
        SubmitFeedback.Hash(one with { SurveyVersion = 2 }).ShouldNotBe(SubmitFeedback.Hash(one));
    }
}
