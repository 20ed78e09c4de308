using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Modules.Feedback.Intake;

public sealed record FeedbackDrivers(int? Timeliness, int? Knowledge, int? Courtesy, int? Fairness, int? Outcome);

/// <summary>One answer as a client sends it (the API body, a batch item, the survey form). Not the entity.</summary>
public sealed record FeedbackRequest(
    string Touchpoint,
    int Overall,
    FeedbackDrivers? Drivers,
    string? Resolved,
    string? Comment,
    string? CommendEmployee,
    FeedbackContact? Contact,
    string Language,
    DateTimeOffset? AnsweredAt,
    // Left out of the JSON (and so of the idempotency hash) when absent, so a key sent before versions existed replays alike.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? SurveyVersion = null,
    // The employee a citizen chose from the office's staff on duty (ADR-037); left out when absent, like the version.
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? CommendStaff = null);

/// <summary>Field name → what is wrong with it, as the ProblemDetails "errors" of a 400 names them.</summary>
public sealed class FieldProblems : Dictionary<string, string[]>
{
    public void Add(string field, string message) =>
        this[field] = TryGetValue(field, out var existing) ? [.. existing, message] : [message];
}

/// <summary>
/// Reads a request body by hand rather than by model binding, so a wrong type ("overall": "five") is a 400 that
/// names the field like any other invalid value, instead of an unreadable body.
/// </summary>
public static class FeedbackRequestReader
{
    public static readonly string[] DriverNames = ["timeliness", "knowledge", "courtesy", "fairness", "outcome"];

    /// <param name="defaultTouchpoint">The touchpoint when the body names none (a kiosk device knows its own).</param>
    public static FeedbackRequest? Read(JsonElement body, FieldProblems problems, string prefix = "", string? defaultTouchpoint = null)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            problems.Add(prefix.Length == 0 ? "body" : prefix.TrimEnd('.'), "Send a JSON object.");
            return null;
        }

        var touchpoint = defaultTouchpoint is not null && !body.TryGetProperty("touchpoint", out _) ? defaultTouchpoint : String(body, "touchpoint", prefix, problems);
        if (string.IsNullOrWhiteSpace(touchpoint) && !problems.ContainsKey(prefix + "touchpoint"))
        {
            problems.Add(prefix + "touchpoint", "Name the touchpoint by its code.");
        }

        var overall = Score(body, "overall", prefix + "overall", problems);
        if (overall is null && !problems.ContainsKey(prefix + "overall"))
        {
            problems.Add(prefix + "overall", "Overall satisfaction is required: a whole number from 1 to 5.");
        }

        var drivers = ReadDrivers(body, prefix, problems);
        var resolved = ReadResolved(body, prefix, problems);
        var comment = String(body, "comment", prefix, problems);
        var commend = String(body, "commendEmployee", prefix, problems);
        var language = String(body, "language", prefix, problems);
        if (language is null && !problems.ContainsKey(prefix + "language"))
        {
            problems.Add(prefix + "language", "Say which language the citizen answered in: en or ko.");
        }
        else if (language is not null and not ("en" or "ko"))
        {
            problems.Add(prefix + "language", $"\"{language}\" is not a language of the survey: en or ko.");
        }

        FeedbackContact? contact = null;
        var consent = false;
        if (body.TryGetProperty("contact", out var c) && c.ValueKind != JsonValueKind.Null)
        {
            if (c.ValueKind != JsonValueKind.Object)
            {
                problems.Add(prefix + "contact", "Send the contact as an object.");
            }
            else
            {
                var email = String(c, "email", prefix + "contact.", problems);
                var phone = String(c, "phone", prefix + "contact.", problems);
                if (c.TryGetProperty("consent", out var k) && k.ValueKind is JsonValueKind.True or JsonValueKind.False)
                {
                    consent = k.GetBoolean();
                }
                else if (c.TryGetProperty("consent", out _))
                {
                    problems.Add(prefix + "contact.consent", "Consent is true or false.");
                }

                contact = new FeedbackContact(email, phone);
                if (!consent)
                {
                    problems.Add(prefix + "contact.consent", "Contact details are taken only with the citizen's explicit consent (consent: true).");
                }
            }
        }

        DateTimeOffset? answeredAt = null;
        var at = String(body, "answeredAt", prefix, problems);
        if (at is not null)
        {
            if (DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                answeredAt = parsed;
            }
            else
            {
                problems.Add(prefix + "answeredAt", $"\"{at}\" is not an ISO 8601 date and time.");
            }
        }

        int? version = null;
        if (body.TryGetProperty("surveyVersion", out var v) && v.ValueKind != JsonValueKind.Null)
        {
            if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) && n > 0)
            {
                version = n;
            }
            else
            {
                problems.Add(prefix + "surveyVersion", $"{v.GetRawText()} is not the id of a survey version.");
            }
        }

        var staff = ReadStaff(body, prefix, problems);
        return new FeedbackRequest(touchpoint?.Trim() ?? "", overall ?? 0, drivers, resolved, comment, commend?.Trim(), contact, language ?? "", answeredAt, version, staff);
    }

    /// <summary>The optional "drivers" object: each a whole number from 1 to 5.</summary>
    public static FeedbackDrivers? ReadDrivers(JsonElement body, string prefix, FieldProblems problems)
    {
        FeedbackDrivers? drivers = null;
        if (body.TryGetProperty("drivers", out var d) && d.ValueKind != JsonValueKind.Null)
        {
            if (d.ValueKind != JsonValueKind.Object)
            {
                problems.Add(prefix + "drivers", "Send the drivers as an object.");
            }
            else
            {
                foreach (var p in d.EnumerateObject().Where(p => !DriverNames.Contains(p.Name)))
                {
                    problems.Add($"{prefix}drivers.{p.Name}", $"\"{p.Name}\" is not a driver; use {string.Join(", ", DriverNames)}.");
                }

                drivers = new FeedbackDrivers(
                    Score(d, "timeliness", prefix + "drivers.timeliness", problems),
                    Score(d, "knowledge", prefix + "drivers.knowledge", problems),
                    Score(d, "courtesy", prefix + "drivers.courtesy", problems),
                    Score(d, "fairness", prefix + "drivers.fairness", problems),
                    Score(d, "outcome", prefix + "drivers.outcome", problems));
            }
        }

        return drivers;
    }

    /// <summary>The optional "commendStaff": the id of an employee the survey listed.</summary>
    public static int? ReadStaff(JsonElement body, string prefix, FieldProblems problems)
    {
        int? staff = null;
        if (body.TryGetProperty("commendStaff", out var st) && st.ValueKind != JsonValueKind.Null)
        {
            if (st.ValueKind == JsonValueKind.Number && st.TryGetInt32(out var id) && id > 0)
            {
                staff = id;
            }
            else
            {
                problems.Add(prefix + "commendStaff", $"{st.GetRawText()} is not the id of a member of staff; send one of the ids the survey lists.");
            }
        }

        return staff;
    }

    /// <summary>The optional "resolved": yes, partly or no.</summary>
    public static string? ReadResolved(JsonElement body, string prefix, FieldProblems problems)
    {
        var resolved = String(body, "resolved", prefix, problems);
        if (resolved is not null && resolved is not ("yes" or "partly" or "no"))
        {
            problems.Add(prefix + "resolved", $"\"{resolved}\" is not one of yes, partly, no.");
        }

        return resolved;
    }

    private static string? String(JsonElement obj, string name, string prefix, FieldProblems problems)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            problems.Add(prefix + name, $"Send {name} as a string.");
            return null;
        }

        var s = value.GetString();
        return string.IsNullOrEmpty(s) ? null : s;
    }

    private static int? Score(JsonElement obj, string name, string field, FieldProblems problems)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n) && n is >= 1 and <= 5)
        {
            return n;
        }

        problems.Add(field, $"{value.GetRawText()} is not a whole number from 1 to 5.");
        return null;
    }
}
