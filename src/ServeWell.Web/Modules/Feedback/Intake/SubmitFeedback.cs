using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Modules.Feedback.Intake;

/// <summary>Where an answer came from, beyond its body.</summary>
/// <param name="ClientAddress">For the duplicate window only; never stored.</param>
/// <param name="KioskTouchpointId">A kiosk device may answer only for its own touchpoint.</param>
public sealed record FeedbackSource(string? ClientAddress, int? KioskTouchpointId = null)
{
    public static readonly FeedbackSource Unknown = new((string?)null);
}

/// <summary>What the intake answers: 201 (new), 200 (replay or duplicate), 400 (problems) or 422 (key reused with another body).</summary>
public sealed record FeedbackResult(int Status, string? Json, FieldProblems? Problems = null, string? Detail = null, long? AnswerId = null)
{
    public bool Stored => Status == StatusCodes.Status201Created;

    public bool Replayed { get; init; }
}

/// <summary>
/// The intake (ADR-011, ADR-024): checks the key, answers a replay from the key's record, validates, redacts the
/// comment, and hands the answer to the <see cref="FeedbackWriter"/>, which stores it with what every
/// <see cref="IFeedbackReceived"/> adds and the key's record in one transaction (shared with answers arriving at the
/// same moment). The result is returned only after that commit.
/// </summary>
public sealed partial class SubmitFeedback(
    IServiceProvider services,
    FeedbackWriter writer,
    FeedbackLookups lookups,
    DuplicateWindow duplicates,
    IOptions<FeedbackOptions> options,
    Commendations.StaffOnDuty staff,
    TimeProvider clock)
{
    public const int MaxCommentLength = 1200;
    public const int MaxKeyLength = 100;

    /// <summary>The request's context, created only when a lookup misses the cache: a valid answer usually needs none.</summary>
    private ServeWellDbContext Db => field ??= services.GetRequiredService<ServeWellDbContext>();

    /// <summary>
    /// One answer. A valid one needs no database round trip here (its touchpoint and survey come from
    /// <see cref="FeedbackLookups"/>); the writer finds out in bulk whether its key was already used. An invalid one
    /// is first checked against its key, so a resend of an answer stored earlier gets its original result even when
    /// the same body would no longer be taken (its touchpoint retired since, its time now too old).
    /// </summary>
    public async Task<FeedbackResult> SubmitAsync(FeedbackRequest request, string? key, FeedbackSource source, CancellationToken cancellationToken)
    {
        if (KeyProblem(key) is { } invalid)
        {
            return invalid;
        }

        var hash = Hash(request);
        var prepared = await PrepareAsync(request, key!, hash, source, cancellationToken);
        if (prepared.Refused is { } refused)
        {
            return await ReplayAsync(key!, hash, cancellationToken) ?? refused;
        }

        var fingerprint = source.KioskTouchpointId is null ? Fingerprint(request, source) : null;
        // Another key for the same content from the same address: a double tap. The same key goes on to its record's replay.
        if (fingerprint is not null && await duplicates.FindAsync(fingerprint, options.Value.DuplicateWindow) is { } duplicate && duplicate.Key != key)
        {
            return duplicate.Result with { Status = StatusCodes.Status200OK, Replayed = true };
        }

        var result = (await writer.WriteAsync([prepared.Pending!]))[0];
        if (fingerprint is not null && result.Stored)
        {
            duplicates.Remember(fingerprint, key!, result, options.Value.DuplicateWindow);
        }

        return result;
    }

    /// <summary>
    /// Many answers at once (a kiosk's queue): each validated on its own, and the valid ones handed to the writer
    /// together, so they share key lookups and commits. An item whose key an earlier item of the same call uses is
    /// handled after the others, as a resend of it. Results come in the order of the items.
    /// </summary>
    public async Task<IReadOnlyList<FeedbackResult>> SubmitManyAsync(
        IReadOnlyList<(FeedbackRequest? Request, string? Key, FieldProblems Problems)> items, FeedbackSource source, CancellationToken cancellationToken)
    {
        var results = new FeedbackResult?[items.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var later = new List<int>();
        var pending = new List<(int Index, PendingAnswer Answer)>();
        for (var i = 0; i < items.Count; i++)
        {
            var (request, key, problems) = items[i];
            if (request is null || problems.Count > 0)
            {
                results[i] = new FeedbackResult(StatusCodes.Status400BadRequest, null, problems);
            }
            else if (KeyProblem(key) is { } invalid)
            {
                results[i] = invalid;
            }
            else if (seen.Contains(key!))
            {
                later.Add(i);
            }
            else
            {
                var hash = Hash(request);
                var prepared = await PrepareAsync(request, key!, hash, source, cancellationToken);
                if (prepared.Refused is { } refused)
                {
                    results[i] = await ReplayAsync(key!, hash, cancellationToken) ?? refused;
                }
                else
                {
                    seen.Add(key!);
                    pending.Add((i, prepared.Pending!));
                }
            }
        }

        writer.Enqueue([.. pending.Select(p => p.Answer)]);
        foreach (var (index, answer) in pending)
        {
            try
            {
                results[index] = await answer.Done.Task;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Logged by the writer. The others of the batch are stored; a kiosk keeps this one queued and resends it.
                results[index] = new FeedbackResult(StatusCodes.Status500InternalServerError, null,
                    Detail: "This answer was not stored because of an error on the server. Send it again with the same key.");
            }
        }

        foreach (var i in later)
        {
            results[i] = await SubmitAsync(items[i].Request!, items[i].Key, source, cancellationToken);
        }

        return [.. results.Select(r => r!)];
    }

    private async Task<(PendingAnswer? Pending, FeedbackResult? Refused)> PrepareAsync(
        FeedbackRequest request, string key, string hash, FeedbackSource source, CancellationToken cancellationToken)
    {
        var problems = new FieldProblems();
        var now = clock.GetUtcNow();
        var (touchpoint, version, commended) = await ValidateAsync(request, source, now, problems, cancellationToken);
        if (problems.Count > 0 || touchpoint is null || version is null)
        {
            return (null, new FeedbackResult(StatusCodes.Status400BadRequest, null, problems));
        }

        var answer = Build(request, touchpoint, version.Value, commended, now.UtcDateTime);
        var contact = request.Contact is { } c ? new FeedbackContact(Blank(c.Email), Blank(c.Phone)) : null;
        return (new PendingAnswer(answer, contact, touchpoint, request.CommendEmployee, key, hash), null);
    }

    private static FeedbackResult? KeyProblem(string? key) =>
        string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength || !KeyShape().IsMatch(key)
            ? Invalid("Idempotency-Key", $"Send an Idempotency-Key header: 1 to {MaxKeyLength} letters, digits, '-', '_', '.' or ':', unique per answer.")
            : null;

    private async Task<FeedbackResult?> ReplayAsync(string key, string hash, CancellationToken cancellationToken)
    {
        var record = await Db.FeedbackIdempotency.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, cancellationToken);
        return record is null ? null : ReplayOf(record, hash);
    }

    /// <summary>What a key's record answers to a request with this hash: the original result, or 422 for another body.</summary>
    internal static FeedbackResult ReplayOf(FeedbackIdempotencyRecord record, string hash) =>
        record.RequestHash == hash
            ? new FeedbackResult(record.Status, record.Response, AnswerId: record.AnswerId) { Replayed = true }
            : new FeedbackResult(StatusCodes.Status422UnprocessableEntity, null,
                Detail: "This Idempotency-Key was already used for a different answer. Use a new key for a new answer.");

    private async Task<(Touchpoint? Touchpoint, int? VersionId, int? Commended)> ValidateAsync(
        FeedbackRequest request, FeedbackSource source, DateTimeOffset now, FieldProblems problems, CancellationToken cancellationToken)
    {
        Touchpoint? touchpoint = null;
        var code = request.Touchpoint.ToLowerInvariant();
        if (TouchpointCodes.LooksValid(code))
        {
            touchpoint = await lookups.TouchpointAsync(() => Db, code, cancellationToken);
        }

        if (touchpoint is null && request.Touchpoint.Length > 0)
        {
            problems.Add("touchpoint", $"\"{request.Touchpoint}\" is not the code of a touchpoint that takes answers.");
        }
        else if (touchpoint is not null && source.KioskTouchpointId is { } own && own != touchpoint.Id)
        {
            problems.Add("touchpoint", $"This kiosk device answers only for its own touchpoint, not \"{request.Touchpoint}\".");
        }

        if (request.Comment is { Length: > MaxCommentLength } comment)
        {
            problems.Add("comment", $"The comment has {comment.Length} characters; at most {MaxCommentLength} are taken.");
        }

        int? commended = null;
        if (request.CommendEmployee is { } number)
        {
            commended = number.Length > 40 ? null
                : await Db.Employees.Where(e => e.EmployeeNumber == number).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (commended is null)
            {
                problems.Add("commendEmployee", $"\"{number}\" is not the number of an employee.");
            }
        }

        if (request.CommendStaff is { } chosen && touchpoint is not null)
        {
            await CheckStaffAsync(touchpoint, chosen, request.CommendEmployee is not null, problems, cancellationToken);
            commended = problems.ContainsKey("commendStaff") ? null : chosen;
        }

        if (request.Contact is { } contact)
        {
            var email = Blank(contact.Email);
            var phone = Blank(contact.Phone);
            if (email is null && phone is null)
            {
                problems.Add("contact", "To be contacted, give an email address or a phone number.");
            }

            if (email is not null && (email.Length > 254 || !EmailShape().IsMatch(email)))
            {
                problems.Add("contact.email", $"\"{email}\" is not an email address.");
            }

            if (phone is not null && (phone.Length > 30 || !PhoneShape().IsMatch(phone) || phone.Count(char.IsAsciiDigit) is < 7 or > 15))
            {
                problems.Add("contact.phone", $"\"{phone}\" is not a phone number.");
            }
        }

        if (request.AnsweredAt is { } at)
        {
            if (at > now + options.Value.ClockSkew)
            {
                problems.Add("answeredAt", $"{at:O} is in the future.");
            }
            else if (at < now - options.Value.MaxAge)
            {
                problems.Add("answeredAt", $"{at:O} is older than {options.Value.MaxAge.TotalDays:0} days.");
            }
        }

        var version = touchpoint is null ? null : await SurveyVersionAsync(request, touchpoint, source, problems, cancellationToken);
        return (touchpoint, version?.Id, commended);
    }

    /// <summary>A citizen may commend only someone on duty at the touchpoint's own office (ADR-037).</summary>
    internal async Task CheckStaffAsync(Touchpoint touchpoint, int employeeId, bool alsoNumber, FieldProblems problems, CancellationToken cancellationToken)
    {
        if (alsoNumber)
        {
            problems.Add("commendStaff", "Commend one person: send either commendStaff or commendEmployee, not both.");
        }
        else if (!await staff.IsOnDutyAsync(Db, touchpoint.OrgUnitId, employeeId, cancellationToken))
        {
            problems.Add("commendStaff", $"{employeeId} is not one of the staff on duty at this touchpoint's office; choose from the staff the survey lists, or no one.");
        }
    }

    /// <summary>
    /// The version the citizen answered: the one the client names (a kiosk's queued answer, a form shown before a
    /// publish), else for a kiosk the original survey (its answers queued before versions existed showed exactly that),
    /// else the touchpoint's current one. A question that version does not ask is refused, not dropped (ADR-017).
    /// </summary>
    private async Task<SurveyVersion?> SurveyVersionAsync(
        FeedbackRequest request, Touchpoint touchpoint, FeedbackSource source, FieldProblems problems, CancellationToken cancellationToken)
    {
        SurveyVersion? version;
        if (request.SurveyVersion is { } id)
        {
            version = await lookups.VersionAsync(() => Db, id, cancellationToken);
            if (version is null)
            {
                problems.Add("surveyVersion", $"{id} is not the id of a published survey version.");
                return null;
            }
        }
        else if (source.KioskTouchpointId is not null)
        {
            version = await lookups.VersionAsync(() => Db, SurveyVersion.OriginalId, cancellationToken)
                ?? throw new InvalidOperationException("The original survey version is missing; the migration seeds it.");
        }
        else
        {
            version = await lookups.CurrentVersionAsync(() => Db, touchpoint.SurveyDefinitionId ?? SurveyDefinition.DefaultId, cancellationToken)
                ?? throw new InvalidOperationException("The touchpoint's survey has no published version.");
        }

        var d = request.Drivers;
        foreach (var (name, value) in new[] { ("timeliness", d?.Timeliness), ("knowledge", d?.Knowledge), ("courtesy", d?.Courtesy), ("fairness", d?.Fairness), ("outcome", d?.Outcome) })
        {
            if (value is not null && !version.Asks(name))
            {
                problems.Add("drivers." + name, NotAsked(version, name));
            }
        }

        if (request.Resolved is not null && !version.Asks("resolved"))
        {
            problems.Add("resolved", NotAsked(version, "resolved"));
        }

        if (!string.IsNullOrEmpty(request.Comment) && !version.Asks("comment"))
        {
            problems.Add("comment", NotAsked(version, "comment"));
        }

        return version;
    }

    private static string NotAsked(SurveyVersion version, string question) =>
        $"Survey version {version.Id} (number {version.Number} of its survey) does not ask \"{question}\"; leave it out.";

    private static FeedbackAnswer Build(FeedbackRequest request, Touchpoint touchpoint, int surveyVersionId, int? commended, DateTime now)
    {
        var d = request.Drivers;
        return new FeedbackAnswer
        {
            TouchpointId = touchpoint.Id, SurveyVersionId = surveyVersionId, OrgUnitId = touchpoint.OrgUnitId, ServiceId = touchpoint.ServiceId, Channel = touchpoint.Channel,
            Overall = request.Overall, OverallScore = FeedbackAnswer.ToScore(request.Overall),
            Timeliness = d?.Timeliness, TimelinessScore = FeedbackAnswer.ToScore(d?.Timeliness),
            Knowledge = d?.Knowledge, KnowledgeScore = FeedbackAnswer.ToScore(d?.Knowledge),
            Courtesy = d?.Courtesy, CourtesyScore = FeedbackAnswer.ToScore(d?.Courtesy),
            Fairness = d?.Fairness, FairnessScore = FeedbackAnswer.ToScore(d?.Fairness),
            Outcome = d?.Outcome, OutcomeScore = FeedbackAnswer.ToScore(d?.Outcome),
            Resolved = request.Resolved switch { "yes" => Resolution.Yes, "partly" => Resolution.Partly, "no" => Resolution.No, _ => null },
            Comment = CommentRedaction.Clean(request.Comment, request.Language),
            CommendedEmployeeId = commended,
            ContactRequested = request.Contact is not null,
            Language = request.Language,
            AnsweredAt = (request.AnsweredAt ?? now).UtcDateTime,
            ReceivedAt = now,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The request as parsed and re-serialised, so whitespace or property order do not make "another body".</summary>
    public static string Hash(FeedbackRequest request) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(request, FeedbackJson.Default.FeedbackRequest)));

    /// <summary>The content of an answer without its time and key, with where it came from: the same from the same address is a duplicate.</summary>
    private static string? Fingerprint(FeedbackRequest request, FeedbackSource source) =>
        source.ClientAddress is null ? null
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
                source.ClientAddress + "\n" + JsonSerializer.Serialize(request with { AnsweredAt = null }, FeedbackJson.Default.FeedbackRequest))));

    private static FeedbackResult Invalid(string field, string message)
    {
        var problems = new FieldProblems();
        problems.Add(field, message);
        return new FeedbackResult(StatusCodes.Status400BadRequest, null, problems);
    }

    [GeneratedRegex(@"^[A-Za-z0-9\-_.:]+$")]
    private static partial Regex KeyShape();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailShape();

    [GeneratedRegex(@"^\+?[0-9()\-.\s]+$")]
    private static partial Regex PhoneShape();
}
