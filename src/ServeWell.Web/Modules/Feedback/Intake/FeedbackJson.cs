using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>
/// The intake's JSON, generated at compile time: hashing a request and writing an acknowledged answer cost no
/// reflection per answer. The web defaults, exactly as before, so a request hashed before this existed hashes the same
/// (an Idempotency-Key resent later still replays instead of answering 422).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(FeedbackRequest))]
[JsonSerializable(typeof(FeedbackAnswerDto))]
internal sealed partial class FeedbackJson : JsonSerializerContext;
