using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Learning.Bank;
using ServeWell.Web.Platform.Layout;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Refreshers;

/// <summary>
/// Today's refresher on a phone (ADR-050): one question per screen, answered with a plain form post (no script), the
/// rule in words, and the switch to turn refreshers off or on. The form carries a key made when the question was shown,
/// so a double tap or a resent form counts once.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(RefresherSchedule schedule, IStringLocalizer<SharedResource> l) : PageModel
{
    public bool Linked { get; private set; }

    public RefresherToday Today { get; private set; } = null!;

    public RefresherQuestion? Current => Linked ? Today.Due.FirstOrDefault() : null;

    /// <summary>The answer's key for the form (a fresh one each time a question is shown).</summary>
    public string Key { get; private set; } = Guid.NewGuid().ToString("N");

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAnswerAsync(long cardId, string? key, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee)
        {
            return NotFound();
        }

        key = string.IsNullOrWhiteSpace(key) || key.Length > 100 ? Guid.NewGuid().ToString("N") : key.Trim();
        var response = RefresherForm.Response(Request.Form);
        var result = response.Chosen.Count == 0 && string.IsNullOrWhiteSpace(response.Text) && response.Order is null
            ? new RefresherAnswerResult(RefresherOutcome.Invalid, Problem: "Choose or write an answer first.")
            : await schedule.AnswerAsync(employee, cardId, response, key, cancellationToken);
        switch (result.Outcome)
        {
            case RefresherOutcome.Answered or RefresherOutcome.Repeated:
                return Redirect($"/Learning/Refreshers/Answers/{result.Result!.AnswerId}");
            case RefresherOutcome.Invalid:
                await LoadAsync(cancellationToken);
                Key = key;
                Problem = l[result.Problem!];
                return Page();
            case RefresherOutcome.NotDue or RefresherOutcome.KeyReused:
                TempData.Saved(l["That question is not due now, so the answer was not counted."]);
                return Redirect("/Learning/Refreshers");
            default:
                return NotFound();
        }
    }

    public async Task<IActionResult> OnPostChoiceAsync(bool optedOut, string? returnTo, CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is not { } employee)
        {
            return NotFound();
        }

        await schedule.SetOptedOutAsync(employee, optedOut, cancellationToken);
        TempData.Saved(optedOut
            ? l["Refreshers are off. Nothing about them shows on your home page until you turn them on again."]
            : l["Refreshers are on again."]);
        return Redirect(returnTo == "/Accounts/Profile" ? "/Accounts/Profile" : "/Learning/Refreshers");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (User.EmployeeId() is { } employee)
        {
            Linked = true;
            Today = await schedule.TodayAsync(employee, cancellationToken);
        }
    }
}

/// <summary>An answer from the refresher form, options named by their ids whatever order they were shown in (as the quiz form does).</summary>
internal static class RefresherForm
{
    public static QuestionResponse Response(IFormCollection form)
    {
        List<int> Ints(string name) => [.. form[name].Select(v => int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) ? i : -2)];
        var places = form.Keys.Where(k => k.StartsWith("place-", StringComparison.Ordinal)).ToList();
        if (places.Count > 0)
        {
            // An ordering question: item ids by the place given; a missing or repeated place fails the question's own check.
            var given = places.Select(k => (Id: int.TryParse(k["place-".Length..], NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : -1, Place: Ints(k).FirstOrDefault(-1))).ToList();
            return given.Any(p => p.Place < 1) || given.Select(p => p.Place).Distinct().Count() != given.Count
                ? QuestionResponse.Ordered()
                : QuestionResponse.Ordered([.. given.OrderBy(p => p.Place).Select(p => p.Id)]);
        }

        return form.ContainsKey("text") ? QuestionResponse.Answer(form["text"].ToString())
            : form.ContainsKey("match") ? new QuestionResponse(Ints("match"))
            : new QuestionResponse(Ints("chosen"));
    }
}
