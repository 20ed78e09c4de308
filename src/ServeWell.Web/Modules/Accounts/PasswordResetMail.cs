using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Accounts;

/// <summary>
/// Mails a link to choose a new password — after "forgot your password", or to a new account as its welcome — through
/// the outbox like every other mail (ADR-031), in the recipient's language (else the city's). The mail names the
/// moment the link stops working, taken from the same token lifespan that the reset page checks, in the city's zone.
/// </summary>
public sealed class PasswordResetMail(
    UserManager<StaffUser> users, ServeWellDbContext db, MailOutbox outbox, MailLanguage language, CityClock city,
    IOptions<DataProtectionTokenProviderOptions> tokens, TimeProvider clock, PublicUrl publicUrl)
{
    /// <summary>Adds the mail to the outbox and saves (inside the caller's transaction, when there is one).</summary>
    public async Task EnqueueAsync(StaffUser user, HttpRequest request, bool welcome, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = publicUrl.For(request, $"/Accounts/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&code={code}");
        var validUntil = clock.GetUtcNow() + tokens.Value.TokenLifespan;

        // The mail goes out in the recipient's language, not in the language of whoever pressed the button.
        var lang = language.Of(user.PreferredCulture);
        var (subject, body) = language.Write(lang, l =>
        {
            var until = city.Format(validUntil, System.Globalization.CultureInfo.CurrentCulture);
            return welcome
                ? (l["Your ServeWell account"].Value,
                    $"{l["An account on ServeWell has been made for you. Open this link before {0} to choose your password:", until]}\n\n{link}\n\n"
                    + $"{l["Afterwards, sign in with your email address and that password."]}\n{l["If the link has stopped working, ask for a new one with “Forgot your password?” on the sign-in page."]}\n")
                : (l["ServeWell: choose a new password"].Value,
                    $"{l["Someone asked to reset the password of your ServeWell account. If it was you, open this link before {0} to choose a new password:", until]}\n\n{link}\n\n"
                    + $"{l["If it was not you, ignore this message; your password stays as it is."]}\n");
        });
        outbox.Add(new MailMessage(user.Email!, subject, body), lang);
        await db.SaveChangesAsync(cancellationToken);
    }
}
