using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Insights.Export;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Explore;

/// <summary>The answers behind a figure, 50 a page newest first, within the viewer's scope (ADR-019).</summary>
[Authorize(Policy = Policies.ViewInsights)]
public sealed class AnswersModel(
    InsightsScope insightsScope, AnswerFilterReader reader, InsightsAnswers answers, InsightsCalendar calendar, StaffScope scope, ServeWellDbContext db,
    IStringLocalizer<SharedResource> localizer)
    : ExplorePageModel(insightsScope, scope, db)
{
    /// <summary>An export holds at most this many answers, newest first.</summary>
    public const int ExportLimit = 10_000;

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public override bool OffersBandAndTerm => true;

    /// <summary>Also list answers left out of the figures, marked, so they can be restored (ADR-022); only for those who may revise.</summary>
    [BindProperty(SupportsGet = true, Name = "excluded")]
    public bool ShowExcluded { get; set; }

    /// <summary>The viewer may exclude and restore answers (administrators; supervisors within their subtree, which is all they see here).</summary>
    public bool MayRevise => Feedback.Revisions.ReviseFeedback.MayRevise(User);

    protected override string MoreFilters => ShowExcluded && MayRevise ? "&excluded=true" : "";

    /// <summary>This page's own address with every filter and the cursor: where an exclusion or restore comes back to.</summary>
    public string ReturnUrl => string.IsNullOrEmpty(After) ? FilteredLink("/Insights/Answers") : NextLink(After);

    public AnswersPageDto? Answers { get; private set; }

    /// <summary>The employee has fewer answers than the minimum group size: the page says so and shows none.</summary>
    public bool Withheld { get; private set; }

    public int Minimum { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromServices] EmployeeInsights employees, CancellationToken cancellationToken)
    {
        Minimum = employees.Minimum;
        var (filter, outcome) = await ReadAsync(cancellationToken);
        switch (outcome)
        {
            case FilterOutcome.NotFound:
                return NotFound();
            case FilterOutcome.Withheld:
                Withheld = true;
                return Page();
        }

        if (filter is not null)
        {
            filter = filter with { IncludeExcluded = ShowExcluded && MayRevise };
            Answers = await answers.PageAsync(filter, After, English, cancellationToken: cancellationToken);
        }

        return Page();
    }

    /// <summary>The filtered answers (newest <see cref="ExportLimit"/>) as CSV or XLSX; the same rules as the page.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var (filter, outcome) = await ReadAsync(cancellationToken);
        if (outcome != FilterOutcome.Ok || filter is null)
        {
            return NotFound();
        }

        var page = await answers.PageAsync(filter, null, English, ExportLimit, cancellationToken);
        var export = new ExportTable(
            $"insights-answers-{filter.Query.Unit.Code}-{InsightsScope.Format(filter.Query.From)}-{InsightsScope.Format(filter.Query.To)}",
            [localizer["Answered"], localizer["Office"], localizer["Service"], localizer["Channel"], localizer["Overall"],
             localizer["Driver:Timeliness"], localizer["Driver:Knowledge"], localizer["Driver:Courtesy"], localizer["Driver:Fairness"], localizer["Driver:Outcome"],
             localizer["Resolved"], localizer["Comment"]],
            page.Answers.Select(a => (IReadOnlyList<object?>)[
                Local(a.AnsweredAt), a.Office, a.Service, ChannelName(a.Channel), a.Overall, a.Timeliness, a.Knowledge, a.Courtesy, a.Fairness, a.Outcome,
                ResolvedName(a.Resolved), a.Comment]).ToList());
        return TableExport.File(export, format) ?? NotFound();
    }

    public string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, calendar.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string ChannelName(string channel) =>
        Enum.TryParse<Feedback.Touchpoints.FeedbackChannel>(channel, out var c) ? InsightsOverview.ChannelName(c, English) : channel;

    public string ResolvedName(string? resolved) => resolved switch
    {
        null => "",
        "Yes" => localizer["Yes"],
        "No" => localizer["No"],
        "Partly" => localizer["Partly"],
        _ => resolved,
    };

    public string NextLink(string next) => FilteredLink("/Insights/Answers") + "&after=" + Uri.EscapeDataString(next);

    private async Task<(AnswerFilter? Filter, FilterOutcome Outcome)> ReadAsync(CancellationToken cancellationToken)
    {
        var (query, notFound) = await ResolveAsync(cancellationToken);
        await LoadServicesAsync(cancellationToken);
        if (notFound)
        {
            return (null, FilterOutcome.NotFound);
        }

        if (query is null)
        {
            return (null, FilterOutcome.Invalid);
        }

        var (filter, outcome, problems) = await reader.ReadAsync(query, User, Service, Channel, Band, Term, Employee, cancellationToken);
        if (outcome == FilterOutcome.Invalid)
        {
            AddProblems(problems.SelectMany(p => p.Value));
        }

        return (filter, outcome);
    }
}
