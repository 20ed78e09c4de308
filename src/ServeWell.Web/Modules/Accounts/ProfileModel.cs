using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Accounts;

[Authorize(Policy = Policies.Staff)]
public sealed class ProfileModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, ServeWellDbContext db, IStringLocalizer<SharedResource> l, IEnumerable<IProfileSection> sections) : PageModel
{
    public StaffUser Account { get; private set; } = null!;

    public IList<string> Roles { get; private set; } = [];

    public string? ScopeName { get; private set; }

    public int? EmployeeId { get; private set; }

    public string? Message { get; private set; }

    /// <summary>The settings other modules add (refreshers, ADR-050), each its own partial and form.</summary>
    public IReadOnlyList<ProfileSection> Sections { get; private set; } = [];

    [BindProperty]
    public PasswordForm Form { get; set; } = new();

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Enter your current password.")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        public string Password { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ChangePasswordAsync(Account, Form.Current, Form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code == "PasswordMismatch" ? "Form.Current" : "Form.Password";
                ModelState.AddModelError(key, error.Code == "PasswordMismatch" ? l["The current password is not right."] : PasswordErrors.Describe(error, l));
            }

            return Page();
        }

        await signIn.RefreshSignInAsync(Account);
        Message = l["Your password has been changed."];
        return Page();
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return false;
        }

        Account = account;
        Roles = await users.GetRolesAsync(account);
        foreach (var section in sections)
        {
            if (await section.ReadAsync(User, HttpContext.RequestAborted) is { } shown)
            {
                Sections = [.. Sections, shown];
            }
        }

        EmployeeId = account.EmployeeId;
        if (account.ScopeOrgUnitId is { } unitId)
        {
            var english = Cultures.ReadsEnglish;
            var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId);
            ScopeName = unit?.DisplayName(english);
        }

        return true;
    }
}
