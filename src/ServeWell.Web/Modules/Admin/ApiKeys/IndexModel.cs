using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Accounts.ApiKeys;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin.ApiKeys;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(ServeWellDbContext db, TimeProvider clock, CityClock city, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class KeyForm
    {
        [Required(ErrorMessage = "Enter a name.")]
        [StringLength(120, ErrorMessage = "At most 120 characters.")]
        public string Name { get; set; } = "";

        public string Role { get; set; } = Roles.TrainingOfficer;

        public string? ScopeOrgUnitCode { get; set; }
    }

    public sealed record KeyRow(int Id, string Name, string Hint, string Role, string? Scope, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt);

    [BindProperty]
    public KeyForm Form { get; set; } = new();

    public IReadOnlyList<KeyRow> Keys { get; private set; } = [];

    public IReadOnlyList<OrgUnitOption> Units { get; private set; } = [];

    public string? NewSecret { get; private set; }

    /// <summary>Set when the page asks to confirm revoking a key, instead of showing the list.</summary>
    public Confirmation? Confirm { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!Roles.All.Contains(Form.Role))
        {
            ModelState.AddModelError("Form.Role", l["Choose a role."]);
        }

        int? scope = null;
        if (!string.IsNullOrEmpty(Form.ScopeOrgUnitCode))
        {
            scope = await db.OrgUnits.Where(u => u.Code == Form.ScopeOrgUnitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (Roles.Scoped.Contains(Form.Role) && scope is null)
        {
            ModelState.AddModelError("Form.ScopeOrgUnitCode", l["Supervisors and leadership need a scope: the unit whose people they may see."]);
        }

        if (ModelState.IsValid)
        {
            var secret = ApiKey.NewSecret();
            db.ApiKeys.Add(new ApiKey
            {
                Name = Form.Name.Trim(), Hint = secret[..8], KeyHash = ApiKey.Hash(secret), Role = Form.Role, ScopeOrgUnitId = scope,
                CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = User.Identity?.Name,
            });
            await db.SaveChangesAsync(cancellationToken);
            NewSecret = secret;
            Form = new KeyForm();
            ModelState.Clear();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Asks before revoking, and says what stops working (ADR-032).</summary>
    public async Task<IActionResult> OnGetRevokeAsync(int id, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return NotFound();
        }

        if (key.RevokedAt is not null)
        {
            return Redirect("/Admin/ApiKeys");
        }

        Confirm = new Confirmation(
            l["Revoke the key “{0}”?", key.Name],
            [
                l["Every system that calls the API with this key (it starts with {0}) is refused from now on.", key.Hint],
                key.LastUsedAt is { } used
                    ? l["It was last used on {0}.", city.Format(new DateTimeOffset(DateTime.SpecifyKind(used, DateTimeKind.Utc)), CultureInfo.CurrentCulture)]
                    : l["It has never been used."],
                l["A revoked key cannot be restored; make a new one if it is needed again."],
            ],
            l["Revoke the key"], "/Admin/ApiKeys?handler=Revoke", "/Admin/ApiKeys", l["Keep the key"])
        {
            Fields = new Dictionary<string, string> { ["id"] = id.ToString(CultureInfo.InvariantCulture) },
        };
        return Page();
    }

    /// <summary>Revokes only when confirmed; a post without the confirmation goes to the question.</summary>
    public async Task<IActionResult> OnPostRevokeAsync(int id, bool confirmed, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return NotFound();
        }

        if (!confirmed)
        {
            return Redirect($"/Admin/ApiKeys?handler=Revoke&id={id}");
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(cancellationToken);
            TempData.Saved(l["The key “{0}” is revoked.", key.Name]);
        }

        return Redirect("/Admin/ApiKeys");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var english = Cultures.ReadsEnglish;
        var keys = await db.ApiKeys.AsNoTracking().Include(k => k.ScopeOrgUnit).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        Keys = keys.Select(k => new KeyRow(k.Id, k.Name, k.Hint, k.Role, k.ScopeOrgUnit?.DisplayName(english), k.CreatedAt, k.LastUsedAt, k.RevokedAt)).ToList();
        Units = await OrgUnitOption.ListAsync(db.OrgUnits, cancellationToken);
    }
}
