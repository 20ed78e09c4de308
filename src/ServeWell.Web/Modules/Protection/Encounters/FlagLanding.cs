using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Layout;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>
/// Where a flag page sends its user (ADR-062, addendum 12): to the encounter the flag opened when they may read it (with
/// the <c>readable</c> notice, if any),
/// else back to <c>elsewhere</c> (the case, the answer) with a notice that names a role, never the employee.
/// </summary>
internal static class FlagLanding
{
    public static async Task<IActionResult> ToEncounterAsync(
        PageModel page, ServeWellDbContext db, EncounterBook book, int encounterId, string? readable, string unreadable, string elsewhere, CancellationToken cancellationToken)
    {
        var reader = await EncounterReader.ForAsync(page.User, db, cancellationToken);
        var mayRead = await book.FindAsync(encounterId, reader, cancellationToken) is not null;
        if ((mayRead ? readable : unreadable) is { } notice)
        {
            page.TempData.Saved(notice);
        }

        return new RedirectResult(mayRead ? $"/Protection/Encounters/{encounterId}" : elsewhere);
    }
}
