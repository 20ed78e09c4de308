using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Recognition.Candidates;
using ServeWell.Web.Modules.Recognition.Jury;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Modules.Recognition.Rounds;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Recognition.Pages;

public sealed class ScoreForm
{
    public int EmployeeId { get; set; }

    public int Difficulty { get; set; }

    public int Courtesy { get; set; }

    public int Satisfaction { get; set; }

    public int Resolution { get; set; }

    public string? Comment { get; set; }
}

/// <summary>A finalist as a juror or officer reads them: their nominations' stories, and whether the reader may score them.</summary>
public sealed record FinalistView(int EmployeeId, string Name, string Office, IReadOnlyList<(string Source, string Story)> Stories, bool Scored, string? Conflict);

/// <summary>
/// One round on one page, per stage (ADR-058): its frozen rules and the formula; the candidates with their numbers for
/// officers and leadership; the finalists and their stories, and a score form per finalist for a juror while the jury
/// sits; the totals once the reader may see them; the way to approval for leadership.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RoundModel(
    RoundAccess access, RoundCandidates candidates, JuryScoring jury, ServeWellDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public VisibleRound View { get; private set; } = null!;

    public string SchemeName { get; private set; } = "";

    public RoundRanking Ranking { get; private set; } = null!;

    public IReadOnlyDictionary<int, (string Name, string Office)> People { get; private set; } = new Dictionary<int, (string, string)>();

    public IReadOnlyList<FinalistView> Finalists { get; private set; } = [];

    public IReadOnlyList<FinalistTotal>? Totals { get; private set; }

    public bool MayDecide { get; private set; }

    [BindProperty]
    public ScoreForm Score { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostScoreAsync(int id, CancellationToken cancellationToken)
    {
        var outcome = await jury.ScoreAsync(id, new ScoreRequest(Score.EmployeeId, Score.Difficulty, Score.Courtesy, Score.Satisfaction, Score.Resolution, Score.Comment),
            RecognitionActor.Of(User), cancellationToken);
        if (outcome.Failure == RecognitionFailure.NotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            TempData.Saved(l["Your score is saved."]);
            return Redirect($"/Recognition/Rounds/{id}#finalist-{Score.EmployeeId}");
        }

        foreach (var message in outcome.Problems.SelectMany(p => p.Value).Append(outcome.Reason).OfType<string>())
        {
            ModelState.AddModelError(string.Empty, message);
        }

        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var actor = RecognitionActor.Of(User);
        if (await access.FindAsync(id, actor, cancellationToken) is not { } view)
        {
            return false;
        }

        View = view;
        var round = view.Round;
        var english = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        SchemeName = (await db.AwardSchemes.AsNoTracking().SingleAsync(s => s.Id == round.SchemeId, cancellationToken)).Name.For(english);
        Ranking = await candidates.RankAsync(round, cancellationToken);
        var ids = Ranking.Candidates.Select(c => c.EmployeeId).ToList();
        People = (await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name, Office = e.OrgUnit!.Name, OfficeEn = e.OrgUnit.NameEn }).ToListAsync(cancellationToken))
            .ToDictionary(e => e.Id, e => (e.Name, english ? e.OfficeEn ?? e.Office : e.Office));
        var stories = await db.AwardNominations.AsNoTracking()
            .Where(n => n.RoundId == id && n.WithdrawnAtUtc == null && n.EmployeeId != null && Ranking.Finalists.Contains(n.EmployeeId.Value))
            .OrderBy(n => n.Source).ThenBy(n => n.Id).ToListAsync(cancellationToken);
        var juror = await db.AwardJurors.AsNoTracking().FirstOrDefaultAsync(j => j.RoundId == id && j.UserId == actor.UserId, cancellationToken);
        var mine = juror is null ? [] : await db.AwardScores.AsNoTracking().Where(s => s.JurorId == juror.Id && s.WithdrawnAtUtc == null).Select(s => s.EmployeeId).ToListAsync(cancellationToken);
        var finalists = new List<FinalistView>();
        foreach (var f in Ranking.Finalists)
        {
            var person = People.GetValueOrDefault(f);
            var conflict = juror is null ? null : await jury.ConflictOfInterestAsync(actor.UserId, f, cancellationToken);
            finalists.Add(new FinalistView(f, person.Name ?? "", person.Office ?? "",
                [.. stories.Where(n => n.EmployeeId == f).Select(n => (SourceText(n.Source), n.Story))], mine.Contains(f), conflict));
        }

        Finalists = finalists;
        var juryClosed = round.Stage is RoundStage.Approval or RoundStage.Announced;
        Totals = (view.IsJuror && view.JurorSubmitted) || (view.SeesAll && juryClosed) ? await jury.TotalsAsync(round, cancellationToken) : null;
        MayDecide = round.Stage == RoundStage.Approval && User.IsInRole(Roles.Leadership) && view.SeesAll;
        return true;
    }

    private string SourceText(NominationSource source) => source switch
    {
        NominationSource.Supervisor => l["A supervisor"],
        NominationSource.Colleague => l["A colleague"],
        _ => l["A citizen"],
    };
}
