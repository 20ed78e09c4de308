using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Bank;

[Authorize(Policy = Policies.ManageTraining)]
public sealed class ExportModel(QuestionBankStore store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int? category, string? format, string? language, CancellationToken cancellationToken)
    {
        var (content, type, name) = await store.ExportAsync(category, format == "xml" ? BankFormat.Xml : BankFormat.Gift, language == "en" ? "en" : "ko", cancellationToken);
        return File(content, type, name);
    }
}
