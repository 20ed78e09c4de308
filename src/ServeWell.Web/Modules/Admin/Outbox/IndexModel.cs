using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MimeKit;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin.Outbox;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(IOptions<MailOptions> options) : PageModel
{
    public sealed record MessageRow(string File, string To, string Subject, DateTimeOffset Date, string Body);

    public bool FolderMode => options.Value.Mode == MailMode.Folder;

    public IReadOnlyList<MessageRow> Messages { get; private set; } = [];

    public MessageRow? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? name, CancellationToken cancellationToken)
    {
        if (!FolderMode)
        {
            return Page();
        }

        var folder = Path.GetFullPath(options.Value.Folder);
        if (name is not null)
        {
            // Only a bare file name from this folder: no paths, no traversal.
            if (name != Path.GetFileName(name) || !name.EndsWith(".eml", StringComparison.Ordinal) || !System.IO.File.Exists(Path.Combine(folder, name)))
            {
                return NotFound();
            }

            Open = await ReadAsync(Path.Combine(folder, name), cancellationToken);
            return Page();
        }

        if (Directory.Exists(folder))
        {
            var files = new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.Name, StringComparer.Ordinal).Take(100);
            var rows = new List<MessageRow>();
            foreach (var f in files)
            {
                rows.Add(await ReadAsync(f.FullName, cancellationToken));
            }

            Messages = rows;
        }

        return Page();
    }

    private static async Task<MessageRow> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var message = await MimeMessage.LoadAsync(path, cancellationToken);
        return new MessageRow(Path.GetFileName(path), message.To.ToString(), message.Subject ?? "", message.Date, message.TextBody ?? "");
    }
}
