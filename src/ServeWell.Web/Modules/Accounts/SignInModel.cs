using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Accounts;

[AllowAnonymous]
public sealed class SignInModel(SignInManager<StaffUser> signIn, IAttemptThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    // A hash of a password nobody knows: checked when the address has no account, so both cost one hash (ADR-028).
    private static string? _unknownAccountHash;

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

        var email = Form.Email.Trim();
        var address = HttpContext.ClientAddress();
        var allowed = throttle.CheckBoth(ThrottledAttempt.SignInFailurePerAddress, ThrottledAttempt.SignInFailurePerAccount, address, email);
        if (!allowed.Allowed)
        {
            ModelState.AddModelError("", l["Too many failed sign-ins. Wait {0} minutes and try again, or reset your password.", allowed.RetryAfterMinutes]);
            Response.Headers.RetryAfter = allowed.RetryAfterSeconds;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var user = await signIn.UserManager.FindByEmailAsync(email);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed : await signIn.PasswordSignInAsync(user, Form.Password, Form.RememberMe, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            if (user is null || result.IsLockedOut)
            {
                // Identity hashes only for an unlocked account; hashing here too makes an unknown or locked
                // address answer as slowly as a wrong password, so timing does not tell which accounts exist.
                var hasher = signIn.UserManager.PasswordHasher;
                _unknownAccountHash ??= hasher.HashPassword(new StaffUser(), Guid.NewGuid().ToString());
                hasher.VerifyHashedPassword(new StaffUser(), _unknownAccountHash, Form.Password);
            }

            throttle.CountBoth(ThrottledAttempt.SignInFailurePerAddress, ThrottledAttempt.SignInFailurePerAccount, address, email);
            // One message for an unknown address, a wrong password and a locked account: none tells which accounts exist.
            ModelState.AddModelError("", l["The email or password is not right. After 5 failed attempts an account is locked for 15 minutes; you can reset your password."]);
            return Page();
        }

        if (user!.PreferredCulture is { } culture)
        {
            LocalizationRegistration.RememberCulture(Response, culture);
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
