using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>For training officers: which replies people choose at each node of a version, withheld below the minimum group size.</summary>
[Authorize(Policy = Policies.ViewTrainingResults)]
public sealed class ChoicesModel(ScenarioResults results, ServeWellDbContext db, IOptions<CityOptions> city) : PageModel
{
    public int Id { get; private set; }

    public int Version { get; private set; }

    public LocalText Title { get; private set; } = LocalText.Empty;

    public IReadOnlyList<NodeChoices> Nodes { get; private set; } = [];

    public IReadOnlyList<OfficeProfile> Offices { get; private set; } = [];

    public IReadOnlyDictionary<string, string> CompetencyNames { get; private set; } = new Dictionary<string, string>();

    public int MinimumGroupSize => city.Value.MinimumGroupSize;

    public async Task<IActionResult> OnGetAsync(int id, int? version, CancellationToken cancellationToken)
    {
        if (await results.ChoicesAsync(id, version, cancellationToken) is not { } found)
        {
            return NotFound();
        }

        var content = await db.ScenarioVersions.AsNoTracking().Where(v => v.ScenarioId == id && v.Number == found.Version).Select(v => v.Content).FirstAsync(cancellationToken);
        (Id, Version, Nodes, Title) = (id, found.Version, found.Nodes, ScenarioContent.FromJson(content).Title);
        Offices = await results.OfficeProfilesAsync(id, cancellationToken);
        var english = Platform.Localization.Cultures.ReadsEnglish;
        CompetencyNames = await db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.DisplayName(english), cancellationToken);
        return Page();
    }
}
