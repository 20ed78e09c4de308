using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Recognition.Awards;
using ServeWell.Web.Modules.Recognition.Candidates;
using ServeWell.Web.Modules.Recognition.Jury;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Recognition;

public sealed record SchemeDto(int Id, string ScopeOrgUnitCode, LocalText Name, int OpensOnDay, int JuryDays, int ApprovalDays, int MinimumAnswers, int PriorWeight,
    int Finalists, int CoolOffMonths, int ScaleMax, CriteriaWeights Weights, bool IsActive);

public sealed record RoundDto(int Id, string Month, string Stage, DateOnly OpensOn, DateOnly ClosesOn, DateOnly JuryClosesOn, DateOnly ApprovalDueOn,
    int MinimumAnswers, int PriorWeight, int Finalists, int CoolOffMonths, int ScaleMax, CriteriaWeights Weights, string Formula, string TieRule,
    string? SentBackNote, int? AwardeeEmployeeId, bool IsJuror);

public sealed record CandidateDto(int EmployeeId, string Name, string Office, int Answers, int RatingSum, int Commendations, double CityMean, int PriorWeight,
    double Bayesian, int? Rank, int Nominations, string Exclusion, bool Finalist, string Why);

public sealed record CandidatesDto(double CityMean, int PriorWeight, int MinimumAnswers, string Formula, IReadOnlyList<CandidateDto> Candidates);

public sealed record NominationDto(int Id, int RoundId, int? EmployeeId, string? WrittenName, string Source, string Story, bool Withdrawn, string? WithdrawalReason);

public sealed record JurorRequest(string? Email);

public sealed record JurorDto(int Id, string Name, bool Submitted);

public sealed record ScoreDto(int Id, int JurorId, int EmployeeId, int Difficulty, int Courtesy, int Satisfaction, int Resolution, string? Comment);

public sealed record ScoresDto(IReadOnlyList<ScoreDto> Scores, IReadOnlyList<FinalistTotal>? Totals, string TieRule);

public sealed record WithdrawRequest(string? Reason);

public sealed record WallRequest(bool Show);

public sealed record AwardDto(int Id, string Month, string Office, string Story, bool ShownOnWall, string CertificateCode);

/// <summary>The staff side of recognition (ADR-058): schemes, rounds, candidates, nominations, the jury, approval, own awards.</summary>
public static class RecognitionApi
{
    public static RouteGroupBuilder MapRecognitionApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/recognition");
        g.MapGet("/schemes", ListSchemesAsync).RequireAuthorization(Policies.ManageAwards).WithName("ListAwardSchemes")
            .WithSummary("Every award scheme: its scope and the rules its next round will open with.");
        g.MapPost("/schemes", SaveSchemeAsync).RequireAuthorization(Policies.ManageAwards).WithName("SaveAwardScheme")
            .WithSummary("Creates or changes the scheme of a scope (the city or a bureau, by org unit code); applies from the next round.");
        g.MapGet("/rounds", ListRoundsAsync).RequireAuthorization(Policies.Staff).WithName("ListAwardRounds")
            .WithSummary("Rounds the caller may see: officers all, leadership those within their scope, jurors those they sit on; newest first.");
        g.MapGet("/rounds/{id:int}", GetRoundAsync).RequireAuthorization(Policies.Staff).WithName("GetAwardRound")
            .WithSummary("One round: its frozen rules, dates (city time zone), stage, the Bayesian formula and the tie rule.");
        g.MapGet("/rounds/{id:int}/candidates", CandidatesAsync).RequireAuthorization(Policies.ViewAwards).WithName("ListAwardCandidates")
            .WithSummary("Candidates with their numbers: answers n, sum, city mean m, prior C, Bayesian average (C·m + Σ)/(C + n), rank (none below the minimum), exclusions and why.");
        g.MapGet("/rounds/{id:int}/nominations", NominationsAsync).RequireAuthorization(Policies.Staff).WithName("ListAwardNominations")
            .WithSummary("Nominations of a round (officers and leadership all; jurors those of finalists). Never who a citizen is.");
        g.MapPost("/nominations", NominateAsync).RequireAuthorization(Policies.Staff).WithName("NominateEmployee")
            .WithSummary("A supervisor's or colleague's nomination: employee number and story (at most 1000 characters, scrubbed).");
        g.MapPost("/nominations/{id:int}/withdraw", WithdrawAsync).RequireAuthorization(Policies.Staff).WithName("WithdrawNomination")
            .WithSummary("Withdraws a nomination with a reason: officers any, staff their own. Never deleted.");
        g.MapPost("/rounds/{id:int}/jurors", NameJurorAsync).RequireAuthorization(Policies.ManageAwards).WithName("NameAwardJuror")
            .WithSummary("Names a staff account (by email) to the round's jury.");
        g.MapGet("/rounds/{id:int}/jurors", JurorsAsync).RequireAuthorization(Policies.ManageAwards).WithName("ListAwardJurors")
            .WithSummary("The round's jurors and whether each has finished scoring.");
        g.MapPost("/rounds/{id:int}/scores", ScoreAsync).RequireAuthorization(Policies.Staff).WithName("ScoreAwardFinalist")
            .WithSummary("A juror's score of one finalist: four criteria on the round's scale and a comment. Once per finalist; never their own or their reporting line's.");
        g.MapPost("/rounds/{id:int}/scores/{scoreId:int}/withdraw", WithdrawScoreAsync).RequireAuthorization(Policies.Staff).WithName("WithdrawAwardScore")
            .WithSummary("Withdraws a jury score with a reason while the jury is open: the juror their own, officers any. Never deleted; the juror may score again.");
        g.MapGet("/rounds/{id:int}/scores", ScoresAsync).RequireAuthorization(Policies.Staff).WithName("ListAwardScores")
            .WithSummary("Scores: a juror sees only their own until they have scored every finalist; officers and leadership see all and the totals once the jury has closed.");
        g.MapPost("/rounds/{id:int}/decision", DecideAsync).RequireAuthorization(Policies.ApproveAwards).WithName("DecideAwardRound")
            .WithSummary("Leadership approves a scored round (the first-placed finalist is awarded) or sends it back with a note.");
        g.MapGet("/awards/mine", MyAwardsAsync).RequireAuthorization(Policies.Staff).WithName("ListMyAwards")
            .WithSummary("The signed-in employee's courtesy awards (empty for an account without an employee record).");
        g.MapPost("/awards/{id:int}/wall", WallAsync).RequireAuthorization(Policies.Staff).WithName("SetAwardOnWall")
            .WithSummary("The awardee's own consent to the public wall (show true or false).");
        return api;
    }

    private static async Task<Ok<List<SchemeDto>>> ListSchemesAsync(ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var rows = await db.Set<AwardScheme>().AsNoTracking().Include(s => s.ScopeOrgUnit).OrderBy(s => s.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(Dto).ToList());
    }

    private static async Task<Results<Ok<SchemeDto>, NotFound, ValidationProblem, ProblemHttpResult>> SaveSchemeAsync(
        SchemeRequest request, SaveScheme save, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var outcome = await save.SaveAsync(request, cancellationToken);
        if (outcome.Succeeded)
        {
            await db.Entry(outcome.Value!).Reference(s => s.ScopeOrgUnit).LoadAsync(cancellationToken);
        }

        return RecognitionResults.Of(outcome, Dto);
    }

    private static async Task<Ok<List<RoundDto>>> ListRoundsAsync(ClaimsPrincipal user, RoundAccess access, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var rounds = await access.VisibleAsync(RecognitionActor.Of(user), cancellationToken);
        return TypedResults.Ok(rounds.Select(r => Dto(r.Round, r.IsJuror, l)).ToList());
    }

    private static async Task<Results<Ok<RoundDto>, NotFound>> GetRoundAsync(int id, ClaimsPrincipal user, RoundAccess access, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        await access.FindAsync(id, RecognitionActor.Of(user), cancellationToken) is { } r ? TypedResults.Ok(Dto(r.Round, r.IsJuror, l)) : TypedResults.NotFound();

    private static async Task<Results<Ok<CandidatesDto>, NotFound>> CandidatesAsync(
        int id, ClaimsPrincipal user, RoundAccess access, RoundCandidates candidates, ServeWellDbContext db, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, RecognitionActor.Of(user), cancellationToken) is not { SeesAll: true } r)
        {
            return TypedResults.NotFound();
        }

        var ranking = await candidates.RankAsync(r.Round, cancellationToken);
        var ids = ranking.Candidates.Select(c => c.EmployeeId).ToList();
        var people = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name, Office = e.OrgUnit!.Name, OfficeEn = e.OrgUnit.NameEn })
            .ToDictionaryAsync(e => e.Id, cancellationToken);
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        return TypedResults.Ok(new CandidatesDto(ranking.CityMean, r.Round.PriorWeight, r.Round.MinimumAnswers, Formula(l), [.. ranking.Candidates.Select(c =>
        {
            var p = people.GetValueOrDefault(c.EmployeeId);
            return new CandidateDto(c.EmployeeId, p?.Name ?? "", (english ? p?.OfficeEn ?? p?.Office : p?.Office) ?? "", c.Answers, c.RatingSum, c.Commendations, ranking.CityMean,
                r.Round.PriorWeight, Math.Round(c.Bayesian, 3), c.Rank, c.Nominations, Codes.Of(c.Exclusion), ranking.Finalists.Contains(c.EmployeeId),
                CandidateWhy.Explain(c, ranking.CityMean, r.Round, l));
        })]));
    }

    private static async Task<Results<Ok<List<NominationDto>>, NotFound>> NominationsAsync(
        int id, ClaimsPrincipal user, RoundAccess access, RoundCandidates candidates, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, RecognitionActor.Of(user), cancellationToken) is not { } r || !(r.SeesAll || r.IsJuror))
        {
            return TypedResults.NotFound();
        }

        var query = db.Set<Nomination>().AsNoTracking().Where(n => n.RoundId == id);
        if (!r.SeesAll)
        {
            var finalists = (await candidates.RankAsync(r.Round, cancellationToken)).Finalists.ToList();
            query = query.Where(n => n.EmployeeId != null && finalists.Contains(n.EmployeeId.Value) && n.WithdrawnAtUtc == null);
        }

        return TypedResults.Ok((await query.OrderBy(n => n.Id).ToListAsync(cancellationToken)).Select(Dto).ToList());
    }

    private static async Task<Results<Ok<NominationDto>, NotFound, ValidationProblem, ProblemHttpResult>> NominateAsync(
        StaffNominationRequest request, ClaimsPrincipal user, Nominate nominate, CancellationToken cancellationToken) =>
        RecognitionResults.Of(await nominate.ByStaffAsync(request, RecognitionActor.Of(user), cancellationToken), Dto);

    private static async Task<Results<Ok<NominationDto>, NotFound, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        int id, WithdrawRequest request, ClaimsPrincipal user, Nominate nominate, CancellationToken cancellationToken) =>
        RecognitionResults.Of(await nominate.WithdrawAsync(id, request.Reason, RecognitionActor.Of(user), cancellationToken), Dto);

    private static async Task<Results<Ok<JurorDto>, NotFound, ValidationProblem, ProblemHttpResult>> NameJurorAsync(
        int id, JurorRequest request, JuryScoring jury, CancellationToken cancellationToken) =>
        RecognitionResults.Of(await jury.NameAsync(id, request.Email, cancellationToken), j => new JurorDto(j.Id, j.Name, j.SubmittedAtUtc is not null));

    private static async Task<Results<Ok<List<JurorDto>>, NotFound>> JurorsAsync(int id, ClaimsPrincipal user, RoundAccess access, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (await access.FindAsync(id, RecognitionActor.Of(user), cancellationToken) is not { SeesAll: true })
        {
            return TypedResults.NotFound();
        }

        var jurors = await db.Set<Juror>().AsNoTracking().Where(j => j.RoundId == id).OrderBy(j => j.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(jurors.Select(j => new JurorDto(j.Id, j.Name, j.SubmittedAtUtc is not null)).ToList());
    }

    private static async Task<Results<Ok<ScoreDto>, NotFound, ValidationProblem, ProblemHttpResult>> ScoreAsync(
        int id, ScoreRequest request, ClaimsPrincipal user, JuryScoring jury, CancellationToken cancellationToken) =>
        RecognitionResults.Of(await jury.ScoreAsync(id, request, RecognitionActor.Of(user), cancellationToken), Dto);

    private static async Task<Results<Ok<ScoreDto>, NotFound, ValidationProblem, ProblemHttpResult>> WithdrawScoreAsync(
        int id, int scoreId, WithdrawRequest request, ClaimsPrincipal user, JuryScoring jury, CancellationToken cancellationToken) =>
        RecognitionResults.Of(await jury.WithdrawAsync(id, scoreId, request.Reason, RecognitionActor.Of(user), cancellationToken), Dto);

    private static async Task<Results<Ok<ScoresDto>, NotFound>> ScoresAsync(
        int id, ClaimsPrincipal user, RoundAccess access, JuryScoring jury, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var actor = RecognitionActor.Of(user);
        if (await access.FindAsync(id, actor, cancellationToken) is not { } r || !(r.SeesAll || r.IsJuror))
        {
            return TypedResults.NotFound();
        }

        var juryClosed = r.Round.Stage is RoundStage.Approval or RoundStage.Announced;
        if (r.IsJuror)
        {
            var own = await jury.VisibleScoresAsync(id, actor.UserId, cancellationToken);
            var all = r.JurorSubmitted || juryClosed;
            return TypedResults.Ok(new ScoresDto([.. own.Select(Dto)], all ? await jury.TotalsAsync(r.Round, cancellationToken) : null, l[JuryScoring.TieRule]));
        }

        var scores = juryClosed ? await jury.VisibleScoresAsync(id, null, cancellationToken) : [];
        return TypedResults.Ok(new ScoresDto([.. scores.Select(Dto)], juryClosed ? await jury.TotalsAsync(r.Round, cancellationToken) : null, l[JuryScoring.TieRule]));
    }

    private static async Task<Results<Ok<RoundDto>, NotFound, ValidationProblem, ProblemHttpResult>> DecideAsync(
        int id, DecisionRequest request, ClaimsPrincipal user, DecideRound decide, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken) =>
        RecognitionResults.Of(await decide.DecideAsync(id, request, RecognitionActor.Of(user), cancellationToken), r => Dto(r, false, l));

    private static async Task<Ok<List<AwardDto>>> MyAwardsAsync(ClaimsPrincipal user, AwardReads awards, CancellationToken cancellationToken) =>
        TypedResults.Ok((await awards.OfEmployeeAsync(user.EmployeeId(), cancellationToken)).ToList());

    private static async Task<Results<Ok<AwardDto>, NotFound, ValidationProblem, ProblemHttpResult>> WallAsync(
        int id, WallRequest request, ClaimsPrincipal user, DecideRound decide, AwardReads awards, CancellationToken cancellationToken)
    {
        var outcome = await decide.SetWallAsync(id, request.Show, RecognitionActor.Of(user), cancellationToken);
        var mine = outcome.Succeeded ? await awards.OfEmployeeAsync(user.EmployeeId(), cancellationToken) : [];
        return RecognitionResults.Of(outcome, a => mine.First(m => m.Id == a.Id));
    }

    internal static string Formula(IStringLocalizer l) => l["Bayesian average = (C × m + sum of ratings) / (C + n): m is the city's mean rating, C the prior's weight, n the employee's number of ratings."];

    private static SchemeDto Dto(AwardScheme s) => new(s.Id, s.ScopeOrgUnit?.Code ?? "", s.Name, s.OpensOnDay, s.JuryDays, s.ApprovalDays, s.MinimumAnswers, s.PriorWeight,
        s.Finalists, s.CoolOffMonths, s.ScaleMax, s.Weights, s.IsActive);

    private static RoundDto Dto(AwardRound r, bool isJuror, IStringLocalizer l) => new(r.Id, r.Label, Codes.Of(r.Stage), r.OpensOn, r.ClosesOn, r.JuryClosesOn, r.ApprovalDueOn,
        r.MinimumAnswers, r.PriorWeight, r.Finalists, r.CoolOffMonths, r.ScaleMax, r.Weights, Formula(l), l[JuryScoring.TieRule], r.SentBackNote, r.AwardeeEmployeeId, isJuror);

    private static NominationDto Dto(Nomination n) => new(n.Id, n.RoundId, n.EmployeeId, n.WrittenName, Codes.Of(n.Source), n.Story, !n.IsActive, n.WithdrawalReason);

    private static ScoreDto Dto(JuryScore s) => new(s.Id, s.JurorId, s.EmployeeId, s.Difficulty, s.Courtesy, s.Satisfaction, s.Resolution, s.Comment);
}
