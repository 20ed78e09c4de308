using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Accounts;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<StaffUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public SignInForm Form { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class SignInForm
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(Form.Email.Trim());
        if (user is null)
        {
            ModelState.AddModelError("", l["The email or password is not right."]);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Form.Password, Form.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", l["This account is locked after too many failed attempts. Try again in 15 minutes, or reset your password."]);
            return Page();
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", l["The email or password is not right."]);
            return Page();
        }

        if (user.PreferredCulture is { } culture)
        {
            LocalizationRegistration.RememberCulture(Response, culture);
        }

        return LocalRedirect(AccountsModule.IsLocal(ReturnUrl) ? ReturnUrl! : "/");
    }
}
