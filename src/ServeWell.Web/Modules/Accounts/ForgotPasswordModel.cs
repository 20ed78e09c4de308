using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServeWell.Web.Modules.Accounts;

[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<StaffUser> users, PasswordResetMail resetMail) : PageModel
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

        // The answer is the same whether or not the account exists, so the page reveals no addresses.
        if (await users.FindByEmailAsync(Email.Trim()) is { } user)
        {
            await resetMail.EnqueueAsync(user, Request, welcome: false, cancellationToken);
        }

        Sent = true;
        return Page();
    }
}
