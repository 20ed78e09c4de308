using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Mail;

namespace ServeWell.Web.Modules.Accounts;

[AllowAnonymous]
public sealed class ForgotPasswordModel(UserManager<StaffUser> users, IMailSender mail, IStringLocalizerFactory localizers) : PageModel
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
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = $"{Request.Scheme}://{Request.Host}/Accounts/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&code={code}";
            var l = InCulture(localizers, user.PreferredCulture);
            await mail.SendAsync(new MailMessage(
                user.Email!,
                l["ServeWell: choose a new password"],
                string.Format(System.Globalization.CultureInfo.InvariantCulture, l["Someone asked to reset the password of your ServeWell account. If it was you, open this link within two hours to choose a new password:\n\n{0}\n\nIf it was not you, ignore this message; your password stays as it is."], link)), cancellationToken);
        }

        Sent = true;
        return Page();
    }

    /// <summary>Mail goes out in the recipient's language, not the language of whoever pressed the button.</summary>
    internal static IStringLocalizer InCulture(IStringLocalizerFactory factory, string? culture)
    {
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(Cultures.Normalise(culture));
        try
        {
            return new FixedCultureLocalizer(factory.Create(typeof(SharedResource)), System.Globalization.CultureInfo.CurrentUICulture);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    private sealed class FixedCultureLocalizer(IStringLocalizer inner, System.Globalization.CultureInfo culture) : IStringLocalizer
    {
        public LocalizedString this[string name] => With(() => inner[name]);

        public LocalizedString this[string name, params object[] arguments] => With(() => inner[name, arguments]);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => With(() => inner.GetAllStrings(includeParentCultures).ToList());

        private T With<T>(Func<T> read)
        {
            var previous = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = culture;
            try
            {
                return read();
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = previous;
            }
        }
    }
}
