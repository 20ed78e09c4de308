using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Accounts;

[AllowAnonymous]
public sealed class ResetPasswordModel(UserManager<StaffUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public ResetForm Form { get; set; } = new();

    public bool Done { get; private set; }

    public sealed class ResetForm
    {
        public string Email { get; set; } = "";

        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        public string Password { get; set; } = "";

        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        public string Confirm { get; set; } = "";
    }

    public void OnGet(string? email, string? code)
    {
        Form.Email = email ?? "";
        Form.Code = code ?? "";
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Form.Email);
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Form.Code));
        }
        catch (FormatException)
        {
            token = "";
        }

        var result = user is null ? IdentityResult.Failed() : await users.ResetPasswordAsync(user, token, Form.Password);
        if (!result.Succeeded)
        {
            var invalidToken = user is null || result.Errors.Any(e => e.Code == "InvalidToken") || !result.Errors.Any();
            if (invalidToken)
            {
                ModelState.AddModelError("", l["This link is not valid any more. Ask for a new one on the “Forgot your password?” page."]);
            }

            foreach (var error in result.Errors.Where(e => e.Code != "InvalidToken"))
            {
                ModelState.AddModelError("Form.Password", PasswordErrors.Describe(error, l));
            }

            return Page();
        }

        await users.ResetAccessFailedCountAsync(user!);
        await users.SetLockoutEndDateAsync(user!, null);
        Done = true;
        return Page();
    }
}

internal static class PasswordErrors
{
    public static string Describe(IdentityError error, IStringLocalizer l) => error.Code switch
    {
        "PasswordTooShort" => l["The password must have at least 12 characters."],
        "PasswordRequiresUniqueChars" => l["The password must use at least 4 different characters."],
        _ => error.Description,
    };
}
