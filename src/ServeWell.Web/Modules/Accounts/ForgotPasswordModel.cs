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
public sealed class ForgotPasswordModel(UserManager<StaffUser> users, PasswordResetMail resetMail, IAttemptThrottle throttle, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter a valid email address.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // Counted per typed address whether or not it has an account, so the limit reveals no accounts either.
        var email = Email.Trim();
        var address = HttpContext.ClientAddress();
        var allowed = throttle.CheckBoth(ThrottledAttempt.ResetRequestPerAddress, ThrottledAttempt.ResetRequestPerAccount, address, email);
        if (!allowed.Allowed)
        {
            ModelState.AddModelError(nameof(Email), l["Too many requests for a reset link. Wait {0} minutes and try again.", allowed.RetryAfterMinutes]);
            Response.Headers.RetryAfter = allowed.RetryAfterSeconds;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        throttle.CountBoth(ThrottledAttempt.ResetRequestPerAddress, ThrottledAttempt.ResetRequestPerAccount, address, email);
        // The answer is the same whether or not the account exists, so the page reveals no addresses.
        if (await users.FindByEmailAsync(email) is { } user)
        {
            await resetMail.SendAsync(user, Request, welcome: false, cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
