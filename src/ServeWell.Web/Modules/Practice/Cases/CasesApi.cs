using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Privacy;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Cases;

/// <summary>A case as the author writes it; texts as {"ko": "…", "en": "…"}; marked: words to remove too.</summary>
public sealed record CaseRequest(
    LocalText? Title, LocalText? Situation, LocalText? CitizenSaid, LocalText? OfficialDid, LocalText? Outcome, LocalText? Lesson,
    string? Channel, string? Kind, IReadOnlyList<string>? Tags, IReadOnlyList<string>? Competencies, IReadOnlyList<string>? Marked)
{
    public CaseInput ToInput() => new(Title, Situation, CitizenSaid, OfficialDid, Outcome, Lesson, Channel, Kind, Tags, Competencies, Marked);
}

public sealed record CaseNoteRequest(string? Note);

public sealed record CaseWithdrawRequest(string? Reason);

/// <summary>The author's own words, only ever sent to the author, only while they edit the case.</summary>
public sealed record CaseOriginalDto(LocalText Title, LocalText Situation, LocalText CitizenSaid, LocalText OfficialDid, LocalText Outcome, LocalText Lesson, IReadOnlyList<string> Marked);

public sealed record CaseDto(
    int Id, string Reference, string Status, string Channel, string Kind, IReadOnlyList<string> Tags, IReadOnlyList<string> Competencies,
    LocalText Title, LocalText Situation, LocalText CitizenSaid, LocalText OfficialDid, LocalText Outcome, LocalText Lesson,
    string? Note, DateTime? PublishedAtUtc, bool Mine, IReadOnlyList<CaseUseDto> UsedBy, CaseOriginalDto? Original);

public sealed record CaseUseDto(string Kind, LocalText Title, string Url);

public sealed record CaseHitDto(int Id, string Reference, string Status, LocalText Title, string Channel, string Kind, IReadOnlyList<string> Tags, DateTime? PublishedAtUtc, int Score, string? Note = null);

public sealed record CaseHitsDto(IReadOnlyList<CaseHitDto> Items, int Total, int Page, int PageSize);

public sealed record CaseScrubDto(IReadOnlyList<string> Fields, LocalText[] Texts, IReadOnlyList<ScrubFindingDto> Korean, IReadOnlyList<ScrubFindingDto> English);

/// <summary>The case library's API (ADR-053): contribute, preview the scrub, submit, review, withdraw, search, read.</summary>
public static class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/cases", SearchAsync).RequireAuthorization(Policies.Staff).WithName("SearchCases")
            .WithSummary("Published cases: full-text in Korean and English (q; a Korean word is found with any particle attached), filters channel, kind, tag, competency (codes), page (20 a page), ranked.");
        api.MapGet("/cases/mine", MineAsync).RequireAuthorization(Policies.Staff).WithName("ListMyCases")
            .WithSummary("The signed-in author's cases in every state, with the reviewer's note on returned ones.");
        api.MapGet("/cases/review", ReviewQueueAsync).RequireAuthorization(Policies.ManageTraining).WithName("ListCasesToReview")
            .WithSummary("Cases waiting for review, oldest first.");
        api.MapGet("/cases/{id:int}", GetAsync).RequireAuthorization(Policies.Staff).WithName("GetCase")
            .WithSummary("One case: published ones for all staff; drafts only for their author; waiting and withdrawn ones for the author and reviewers. Texts are the scrubbed ones; original only for the author while the case is being edited.");
        api.MapPost("/cases/scrub-preview", PreviewAsync).RequireAuthorization(Policies.Staff).RequireRateLimiting(PrivacyApi.RateLimit).WithName("PreviewCaseScrub")
            .WithSummary("What the scrubber removes from a case, in one context per language (the same name is the same placeholder in every field). Nothing is stored.");
        api.MapPost("/cases", ContributeAsync).RequireAuthorization(Policies.Staff).WithName("ContributeCase")
            .WithSummary("A new draft case, scrubbed on save; channel visit|phone|online|written, kind statutory|inquiry|suggestion|other|grievance, tags repeated|malicious|threatening|unusual|vulnerable|language-barrier, competencies by code.");
        api.MapPut("/cases/{id:int}", EditAsync).RequireAuthorization(Policies.Staff).WithName("EditCase")
            .WithSummary("Replaces a draft or returned case of the author's, scrubbed on save. 409 once submitted.");
        api.MapPost("/cases/{id:int}/submit", SubmitAsync).RequireAuthorization(Policies.Staff).WithName("SubmitCase")
            .WithSummary("Sends the author's case to review; every text is needed in at least one language. The original words are deleted.");
        api.MapPost("/cases/{id:int}/publish", PublishAsync).RequireAuthorization(Policies.ManageTraining).WithName("PublishCase")
            .WithSummary("Approves a waiting case: it is published and searchable. Not the reviewer's own case.");
        api.MapPost("/cases/{id:int}/return", ReturnAsync).RequireAuthorization(Policies.ManageTraining).WithName("ReturnCase")
            .WithSummary("Returns a waiting case to its author with a note (required).");
        api.MapPost("/cases/{id:int}/withdraw", WithdrawAsync).RequireAuthorization(Policies.Staff).WithName("WithdrawCase")
            .WithSummary("Withdraws a case with a reason (required): the author any of theirs, a reviewer a waiting or published one. Never deleted.");
        return api;
    }

    private static async Task<Ok<CaseHitsDto>> SearchAsync(
        [AsParameters] CaseQuery query, CaseSearch search, CancellationToken cancellationToken)
    {
        var hits = await search.SearchAsync(query, cancellationToken);
        return TypedResults.Ok(new CaseHitsDto(
            [.. hits.Items.Select(h => new CaseHitDto(h.Id, h.Reference, CaseCodes.Of(CaseStatus.Published), h.Title, CaseCodes.Of(h.Channel), CaseCodes.Of(h.Kind), CaseCodes.Of(h.Tags), h.PublishedAtUtc, h.Score))],
            hits.Total, hits.Page, hits.PageSize));
    }

    private static async Task<Ok<List<CaseHitDto>>> MineAsync(ClaimsPrincipal user, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var me = CaseReader.Of(user).UserId;
        var rows = await db.PracticeCases.AsNoTracking().Where(c => c.AuthorUserId == me).OrderByDescending(c => c.UpdatedAtUtc).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(Hit).ToList());
    }

    private static async Task<Ok<List<CaseHitDto>>> ReviewQueueAsync(ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.PracticeCases.AsNoTracking().Where(c => c.Status == CaseStatus.Submitted).OrderBy(c => c.SubmittedAtUtc).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(Hit).ToList());
    }

    private static async Task<Results<Ok<CaseDto>, NotFound>> GetAsync(
        int id, ClaimsPrincipal user, CaseLibrary library, ServeWellDbContext db, IEnumerable<ICaseUsage> usages, CancellationToken cancellationToken)
    {
        var reader = CaseReader.Of(user);
        if (await library.FindAsync(id, cancellationToken) is not { } c || !reader.MayRead(c))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await DtoAsync(c, reader, db, usages, cancellationToken));
    }

    private static async Task<Results<Ok<CaseScrubDto>, ValidationProblem>> PreviewAsync(CaseRequest request, CaseScrub scrub, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var input = request.ToInput();
        var tooLong = CaseRules.CheckTexts(input, required: [], l);
        if (tooLong.Count > 0)
        {
            return Invalid(tooLong);
        }

        var scrubbed = await scrub.ScrubAsync(input.Texts, input.MarkedPhrases, cancellationToken);
        return TypedResults.Ok(new CaseScrubDto(CaseInput.TextFields, [.. scrubbed.Texts], Findings(scrubbed.Korean), Findings(scrubbed.English)));
    }

    private static async Task<Results<Created<CaseDto>, ValidationProblem>> ContributeAsync(
        CaseRequest request, ClaimsPrincipal user, CaseLibrary library, ServeWellDbContext db, IEnumerable<ICaseUsage> usages, CancellationToken cancellationToken)
    {
        var reader = CaseReader.Of(user);
        var outcome = await library.SaveAsync(null, request.ToInput(), reader, cancellationToken);
        if (!outcome.Succeeded)
        {
            return Invalid(outcome.Problems);
        }

        return TypedResults.Created($"/api/v1/cases/{outcome.Case!.Id}", await DtoAsync(outcome.Case, reader, db, usages, cancellationToken));
    }

    private static async Task<Results<Ok<CaseDto>, NotFound, ValidationProblem, ProblemHttpResult>> EditAsync(
        int id, CaseRequest request, ClaimsPrincipal user, CaseLibrary library, ServeWellDbContext db, IEnumerable<ICaseUsage> usages, CancellationToken cancellationToken)
    {
        var reader = CaseReader.Of(user);
        var outcome = await library.SaveAsync(id, request.ToInput(), reader, cancellationToken);
        return outcome.Failure switch
        {
            CaseFailure.NotFound => TypedResults.NotFound(),
            CaseFailure.Conflict => Conflict(outcome),
            _ when outcome.Problems.Count > 0 => Invalid(outcome.Problems),
            _ => TypedResults.Ok(await DtoAsync(outcome.Case!, reader, db, usages, cancellationToken)),
        };
    }

    private static Task<Results<Ok<CaseDto>, NotFound, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        int id, ClaimsPrincipal user, CaseLibrary library, ServeWellDbContext db, IEnumerable<ICaseUsage> usages, CancellationToken cancellationToken) =>
        StepAsync(user, r => library.SubmitAsync(id, r, cancellationToken), db, usages, cancellationToken);

    private static Task<Results<Ok<CaseDto>, NotFound, ValidationProblem, ProblemHttpResult>> PublishAsync(
        int id, ClaimsPrincipal user, CaseLibrary library, ServeWellDbContext db, IEnumerable<ICaseUsage> usages, CancellationToken cancellationToken) =>
        StepAsync(user, r => library.ApproveAsync(id, r, cancellationToken), db, usages, cancellationToken);

    private static Task<Results<Ok<CaseDto>, NotFound, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        int id, CaseNoteRequest request, ClaimsPrincipal user, CaseLibrary library, ServeWellDbContext db, IEnumerable<ICaseUsage> usages, CancellationToken cancellationToken) =>
        StepAsync(user, r => library.ReturnAsync(id, request.Note, r, cancellationToken), db, usages, cancellationToken);

    private static Task<Results<Ok<CaseDto>, NotFound, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        int id, CaseWithdrawRequest request, ClaimsPrincipal user, CaseLibrary library, ServeWellDbContext db, IEnumerable<ICaseUsage> usages, CancellationToken cancellationToken) =>
        StepAsync(user, r => library.WithdrawAsync(id, request.Reason, r, cancellationToken), db, usages, cancellationToken);

    private static async Task<Results<Ok<CaseDto>, NotFound, ValidationProblem, ProblemHttpResult>> StepAsync(
        ClaimsPrincipal user, Func<CaseReader, Task<CaseOutcome>> step, ServeWellDbContext db, IEnumerable<ICaseUsage> usages, CancellationToken cancellationToken)
    {
        var reader = CaseReader.Of(user);
        var outcome = await step(reader);
        return outcome.Failure switch
        {
            CaseFailure.NotFound => TypedResults.NotFound(),
            CaseFailure.Conflict => Conflict(outcome),
            _ when outcome.Problems.Count > 0 => Invalid(outcome.Problems),
            _ => TypedResults.Ok(await DtoAsync(outcome.Case!, reader, db, usages, cancellationToken)),
        };
    }

    private static async Task<CaseDto> DtoAsync(PracticeCase c, CaseReader reader, ServeWellDbContext db, IEnumerable<ICaseUsage> usages, CancellationToken cancellationToken)
    {
        var ids = c.Competencies.Select(x => x.CompetencyId).ToList();
        var codes = await db.Competencies.Where(x => ids.Contains(x.Id)).OrderBy(x => x.Code).Select(x => x.Code).ToListAsync(cancellationToken);
        var mine = c.AuthorUserId == reader.UserId;
        CaseOriginalDto? original = null;
        if (mine && await db.PracticeCaseOriginals.AsNoTracking().SingleOrDefaultAsync(o => o.CaseId == c.Id, cancellationToken) is { } o)
        {
            original = new(o.Title, o.Situation, o.CitizenSaid, o.OfficialDid, o.Outcome, o.Lesson, o.Marked.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }

        var uses = new List<CaseUseDto>();
        foreach (var usage in usages)
        {
            uses.AddRange((await usage.UsesOfAsync(c.Id, cancellationToken)).Select(u => new CaseUseDto(u.Kind, u.Title, u.Url)));
        }

        return new CaseDto(c.Id, c.Reference, CaseCodes.Of(c.Status), CaseCodes.Of(c.Channel), CaseCodes.Of(c.Kind), CaseCodes.Of(c.Tags), codes,
            c.Title, c.Situation, c.CitizenSaid, c.OfficialDid, c.Outcome, c.Lesson, c.Note, c.PublishedAtUtc, mine, uses, original);
    }

    private static CaseHitDto Hit(PracticeCase c) =>
        new(c.Id, c.Reference, CaseCodes.Of(c.Status), c.Title, CaseCodes.Of(c.Channel), CaseCodes.Of(c.Kind), CaseCodes.Of(c.Tags), c.PublishedAtUtc, 0, c.Note);

    private static IReadOnlyList<ScrubFindingDto> Findings(ScrubResult? result) =>
        result is null ? [] : [.. result.Findings.Select(f => new ScrubFindingDto(PersonalDataCodes.Of(f.Category), f.Start, f.Length, f.Original, f.Replacement, f.Checked))];

    private static ValidationProblem Invalid(IReadOnlyList<CaseProblem> problems) =>
        TypedResults.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

    private static ProblemHttpResult Conflict(CaseOutcome outcome) =>
        TypedResults.Problem(outcome.Problems.FirstOrDefault()?.Message, statusCode: StatusCodes.Status409Conflict);
}
