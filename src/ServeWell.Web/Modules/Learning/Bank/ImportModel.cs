using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>
/// Import in two steps (ADR-041): the file is read and shown (what will be created, every problem with its line or
/// element), then imported on confirmation from the same content, carried in the form, read again. Nothing is written
/// until then, and nothing at all while the file has a problem.
/// </summary>
[Authorize(Policy = Policies.ManageTraining)]
public sealed class ImportModel(QuestionBankStore store, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string Language { get; set; } = "ko";

    /// <summary>The checked file, base64, posted back on confirmation.</summary>
    [BindProperty]
    public string? FileContent { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    public BankImportPreview? Preview { get; private set; }

    public long MaxKilobytes => store.Limits.MaxImportBytes / 1024;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), l["Choose a GIFT (.txt, .gift) or Moodle XML (.xml) file."]);
            return Page();
        }

        if (Upload.Length > store.Limits.MaxImportBytes)
        {
            ModelState.AddModelError(nameof(Upload), l["The file is larger than {0} KB, the most one import takes.", MaxKilobytes]);
            return Page();
        }

        using var buffer = new MemoryStream();
        await Upload.CopyToAsync(buffer, cancellationToken);
        FileName = Path.GetFileName(Upload.FileName);
        FileContent = Convert.ToBase64String(buffer.ToArray());
        Preview = await ReadAsync(dryRun: true, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (FileContent is null)
        {
            return RedirectToPage();
        }

        Preview = await ReadAsync(dryRun: false, cancellationToken);
        if (!Preview.Applied)
        {
            return Page();
        }

        TempData.Saved(l["Imported {0} questions from {1}; {2} new categories.", Preview.Questions, FileName ?? "", Preview.NewCategories.Count]);
        return Redirect("/Learning/Bank");
    }

    private async Task<BankImportPreview> ReadAsync(bool dryRun, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(FileContent ?? "");
        }
        catch (FormatException)
        {
            bytes = [];
        }

        Language = Language == "en" ? "en" : "ko";
        var read = store.Read(bytes, QuestionBankStore.Detect(null, FileName, bytes), Language);
        return await store.ImportAsync(read, dryRun, FileName, cancellationToken);
    }
}
