using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Recognition.Rounds;

public sealed record WeightsRequest(int Difficulty, int Courtesy, int Satisfaction, int Resolution);

/// <summary>A scheme's rules as an officer sets them; absent numbers keep the defaults.</summary>
public sealed record SchemeRequest(
    string? ScopeOrgUnitCode, LocalText? Name, int? OpensOnDay, int? JuryDays, int? ApprovalDays, int? MinimumAnswers, int? PriorWeight,
    int? Finalists, int? CoolOffMonths, int? ScaleMax, WeightsRequest? Weights, bool? IsActive);

/// <summary>
/// Creates or changes the award scheme of a scope (the city's root unit or a bureau). A change applies from the next round:
/// a round copies the rules when it opens (ADR-058). Nobody is ranked on fewer answers than the city's minimum group size.
/// </summary>
public sealed class SaveScheme(ServeWellDbContext db, IOptions<CityOptions> city, TimeProvider time, IStringLocalizer<SharedResource> l)
{
    public async Task<RecognitionOutcome<AwardScheme>> SaveAsync(SchemeRequest request, CancellationToken cancellationToken)
    {
        var problems = new Dictionary<string, List<string>>();
        var code = request.ScopeOrgUnitCode?.Trim() ?? "";
        var scope = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Code == code && u.IsActive, cancellationToken);
        if (scope is null || scope.Kind is not (OrgUnitKind.City or OrgUnitKind.Department))
        {
            problems["scopeOrgUnitCode"] = [l["Scope: \"{0}\" is not the city or one of its bureaus.", code]];
        }

        var name = LocalText.Of(request.Name?.En, request.Name?.Ko);
        if (name.IsEmpty || name.En.Length > AwardScheme.MaxName || name.Ko.Length > AwardScheme.MaxName)
        {
            problems["name"] = [l["Name: write the award's name in Korean or English (at most {0} characters).", AwardScheme.MaxName]];
        }

        var scheme = scope is null ? null : await db.Set<AwardScheme>().FirstOrDefaultAsync(s => s.ScopeOrgUnitId == scope.Id, cancellationToken);
        var target = scheme ?? new AwardScheme { Name = name };
        var minimum = city.Value.MinimumGroupSize;
        target.OpensOnDay = Check(problems, "opensOnDay", "Opening day", request.OpensOnDay ?? target.OpensOnDay, 1, 28);
        target.JuryDays = Check(problems, "juryDays", "Days for the jury", request.JuryDays ?? target.JuryDays, 1, 31);
        target.ApprovalDays = Check(problems, "approvalDays", "Days for approval", request.ApprovalDays ?? target.ApprovalDays, 1, 31);
        target.MinimumAnswers = Check(problems, "minimumAnswers", "Minimum answers", request.MinimumAnswers ?? Math.Max(target.MinimumAnswers, minimum), minimum, 1000);
        target.PriorWeight = Check(problems, "priorWeight", "Weight of the prior", request.PriorWeight ?? target.PriorWeight, 0, 1000);
        target.Finalists = Check(problems, "finalists", "Finalists", request.Finalists ?? target.Finalists, 1, 20);
        target.CoolOffMonths = Check(problems, "coolOffMonths", "Months before winning again", request.CoolOffMonths ?? target.CoolOffMonths, 0, 60);
        target.ScaleMax = Check(problems, "scaleMax", "Top of the jury's scale", request.ScaleMax ?? target.ScaleMax, 3, 10);
        var w = request.Weights is { } r ? new CriteriaWeights(r.Difficulty, r.Courtesy, r.Satisfaction, r.Resolution) : target.Weights;
        if (w.Difficulty < 0 || w.Courtesy < 0 || w.Satisfaction < 0 || w.Resolution < 0 || w.Total != 100)
        {
            problems["weights"] = [l["Weights: the four criteria's weights are percentages that add up to 100 (these add up to {0}).", w.Total]];
        }

        if (problems.Count > 0)
        {
            return RecognitionOutcome<AwardScheme>.Invalid(problems);
        }

        target.Name = name;
        target.Weights = w;
        target.ScopeOrgUnitId = scope!.Id;
        target.IsActive = request.IsActive ?? true;
        target.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        if (scheme is null)
        {
            db.Set<AwardScheme>().Add(target);
        }

        await db.SaveChangesAsync(cancellationToken);
        return RecognitionOutcome<AwardScheme>.Done(target);
    }

    private int Check(Dictionary<string, List<string>> problems, string field, string label, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems[field] = [l["{0}: {1} is outside {2}–{3}.", l[label], value, min, max]];
        }

        return value;
    }
}
