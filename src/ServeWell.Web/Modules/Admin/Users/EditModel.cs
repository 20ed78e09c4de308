using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin.Users;

[Authorize(Policy = Policies.Administer)]
public sealed class EditModel(
    UserManager<StaffUser> users, ServeWellDbContext db, PasswordResetMail resetMail, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class AccountForm
    {
        [Required(ErrorMessage = "Enter the email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter the name.")]
        [StringLength(120, ErrorMessage = "At most 120 characters.")]
        public string DisplayName { get; set; } = "";

        public List<string> Roles { get; set; } = [];

        public string? ScopeOrgUnitCode { get; set; }

        public string? EmployeeNumber { get; set; }
    }

    [BindProperty]
    public AccountForm Form { get; set; } = new();

    public string? Id { get; private set; }

    public bool Locked { get; private set; }

    public string? Message { get; private set; }

    public IReadOnlyList<OrgUnitOption> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        Id = id;
        if (id is not null)
        {
            var user = await users.FindByIdAsync(id);
            if (user is null)
            {
                return NotFound();
            }

            await FillAsync(user, cancellationToken);
        }

        await LoadUnitsAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken cancellationToken)
    {
        Id = id;
        Form.Roles = Form.Roles.Where(r => Platform.Security.Roles.All.Contains(r)).Distinct().ToList();
        if (Form.Roles.Count == 0)
        {
            ModelState.AddModelError("Form.Roles", l["Choose at least one role."]);
        }

        int? scopeId = null;
        if (!string.IsNullOrWhiteSpace(Form.ScopeOrgUnitCode))
        {
            scopeId = await db.OrgUnits.Where(u => u.Code == Form.ScopeOrgUnitCode).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);
            if (scopeId is null)
            {
                ModelState.AddModelError("Form.ScopeOrgUnitCode", l["There is no org unit with this code."]);
            }
        }
        else if (Form.Roles.Intersect(Platform.Security.Roles.Scoped).Any())
        {
            ModelState.AddModelError("Form.ScopeOrgUnitCode", l["Supervisors and leadership need a scope: the unit whose people they may see."]);
        }

        int? employeeId = null;
        if (!string.IsNullOrWhiteSpace(Form.EmployeeNumber))
        {
            employeeId = await db.Employees.Where(e => e.EmployeeNumber == Form.EmployeeNumber.Trim()).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (employeeId is null)
            {
                ModelState.AddModelError("Form.EmployeeNumber", l["There is no employee with this number."]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadUnitsAsync(cancellationToken);
            return Page();
        }

        var user = id is null ? null : await users.FindByIdAsync(id);
        if (id is not null && user is null)
        {
            return NotFound();
        }

        var creating = user is null;
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        if (user is null)
        {
            user = new StaffUser { UserName = Form.Email.Trim(), Email = Form.Email.Trim(), EmailConfirmed = true, CreatedAt = clock.GetUtcNow().UtcDateTime };
        }

        user.DisplayName = Form.DisplayName.Trim();
        user.ScopeOrgUnitId = scopeId;
        user.EmployeeId = employeeId;
        var result = creating ? await users.CreateAsync(user) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError("", e.Code is "DuplicateEmail" or "DuplicateUserName" ? l["An account with this email already exists."] : e.Description);
            }

            await LoadUnitsAsync(cancellationToken);
            return Page();
        }

        var current = await users.GetRolesAsync(user);
        var before = current.Order(StringComparer.Ordinal).ToList();
        await users.RemoveFromRolesAsync(user, current.Except(Form.Roles).ToList());
        await users.AddToRolesAsync(user, Form.Roles.Except(current).ToList());
        var after = Form.Roles.Order(StringComparer.Ordinal).ToList();
        if (!before.SequenceEqual(after))
        {
            db.Audit("roles-changed", nameof(StaffUser), user.Email!, new { roles = before }, new { roles = after });
            await db.SaveChangesAsync(cancellationToken);
            // Sign the person out everywhere so the new roles apply at once.
            await users.UpdateSecurityStampAsync(user);
        }

        if (creating)
        {
            // The welcome mail commits with the account: no account without its mail, no mail for an account that was not made.
            await resetMail.EnqueueAsync(user, Request, welcome: true, cancellationToken);
        }

        await tx.CommitAsync(cancellationToken);

        return Redirect($"/Admin/Users/Edit/{user.Id}?saved=1");
    }

    public async Task<IActionResult> OnPostSendResetAsync(string id, CancellationToken cancellationToken) =>
        await WithUserAsync(id, async user =>
        {
            await resetMail.EnqueueAsync(user, Request, welcome: false, cancellationToken);
            return l["A password reset link was emailed to {0}.", user.Email!];
        }, cancellationToken);

    public Confirmation? Confirm { get; private set; }

    /// <summary>Asks before locking: the person is signed out everywhere at once (ADR-032, ADR-039).</summary>
    public async Task<IActionResult> OnGetLockAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        Id = id;
        Confirm = new Confirmation(
            l["Lock the account of {0}?", string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName],
            [
                l["{0} is signed out on every device now and cannot sign in, not even with a password reset link, until an administrator unlocks the account.", user.Email ?? ""],
                l["Their records and training history stay as they are."],
            ],
            l["Lock the account"], $"/Admin/Users/Edit/{id}?handler=Lock", $"/Admin/Users/Edit/{id}", l["Keep the account open"]);
        return Page();
    }

    public async Task<IActionResult> OnPostLockAsync(string id, bool confirmed, CancellationToken cancellationToken) =>
        !confirmed ? Redirect($"/Admin/Users/Edit/{id}?handler=Lock") : await WithUserAsync(id, async user =>
        {
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            return l["The account is locked and signed out everywhere."];
        }, cancellationToken);

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) =>
        await WithUserAsync(id, async user =>
        {
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return l["The account is unlocked."];
        }, cancellationToken);

    private async Task<IActionResult> WithUserAsync(string id, Func<StaffUser, Task<string>> act, CancellationToken cancellationToken)
    {
        Id = id;
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        Message = await act(user);
        await FillAsync(user, cancellationToken);
        await LoadUnitsAsync(cancellationToken);
        return Page();
    }

    private async Task FillAsync(StaffUser user, CancellationToken cancellationToken)
    {
        Form = new AccountForm
        {
            Email = user.Email ?? "",
            DisplayName = user.DisplayName,
            Roles = [.. await users.GetRolesAsync(user)],
            ScopeOrgUnitCode = user.ScopeOrgUnitId is { } s ? await db.OrgUnits.Where(u => u.Id == s).Select(u => u.Code).FirstOrDefaultAsync(cancellationToken) : null,
            EmployeeNumber = user.EmployeeId is { } e ? await db.Employees.Where(x => x.Id == e).Select(x => x.EmployeeNumber).FirstOrDefaultAsync(cancellationToken) : null,
        };
        Locked = user.LockoutEnd > clock.GetUtcNow();
        if (Request.Query.ContainsKey("saved") && Message is null)
        {
            Message = l["Saved."];
        }
    }

    private async Task LoadUnitsAsync(CancellationToken cancellationToken) =>
        Units = await OrgUnitOption.ListAsync(db.OrgUnits, cancellationToken);
}
