using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.FollowUps;

/// <summary>The supervisor's queue: open cases in scope, overdue first, with counts of open and overdue.</summary>
[Authorize(Policy = Policies.ViewFollowUps)]
public sealed class IndexModel(FollowUpQueue queue, BusinessCalendar calendar) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Office { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public FollowUpList List { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Name)> Offices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        State = FollowUpQueue.IsKnownState(State) && !string.IsNullOrWhiteSpace(State) ? State.Trim() : "open";
        List = await queue.ListAsync(User, new FollowUpFilter(State, Office, Overdue, PageNumber), cancellationToken);
        Offices = await queue.OfficesAsync(User, cancellationToken);
    }

    public DateTime Local(DateTime utc) => calendar.ToLocal(utc);

    public string PageLink(int page) => "/FollowUps" + QueryString.Create(new Dictionary<string, string?>
    {
        ["State"] = State, ["Office"] = Office, ["Overdue"] = Overdue ? "true" : null, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => p.Value is not null)).ToUriComponent();
}
