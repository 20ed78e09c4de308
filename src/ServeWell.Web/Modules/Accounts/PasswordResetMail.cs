using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Accounts;

/// <summary>Emails a link to choose a new password — after "forgot your password", or to a new account as its welcome.</summary>
public sealed class PasswordResetMail(UserManager<StaffUser> users, IMailSender mail, IStringLocalizerFactory localizers, PublicUrl publicUrl)
{
    public async Task SendAsync(StaffUser user, HttpRequest request, bool welcome, CancellationToken cancellationToken)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = publicUrl.For(request, $"/Accounts/ResetPassword?email={Uri.EscapeDataString(user.Email!)}&code={code}");

        // The mail goes out in the recipient's language, not in the language of whoever pressed the button.
        var culture = new CultureInfo(Cultures.Normalise(user.PreferredCulture ?? CultureInfo.CurrentUICulture.TwoLetterISOLanguageName));
        var previous = CultureInfo.CurrentUICulture;
        string subject, body;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            var l = localizers.Create(typeof(SharedResource));
            subject = welcome ? l["Your ServeWell account"] : l["ServeWell: choose a new password"];
            body = welcome
                ? $"{l["An account on ServeWell has been made for you. Open this link within two hours to choose your password:"]}\n\n{link}\n\n{l["Afterwards, sign in with your email address and that password."]}\n"
                : $"{l["Someone asked to reset the password of your ServeWell account. If it was you, open this link within two hours to choose a new password:"]}\n\n{link}\n\n{l["If it was not you, ignore this message; your password stays as it is."]}\n";
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        await mail.SendAsync(new MailMessage(user.Email!, subject, body), cancellationToken);
    }
}
