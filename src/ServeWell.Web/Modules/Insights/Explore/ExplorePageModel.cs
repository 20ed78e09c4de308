using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Insights.Explore;

/// <summary>An Insights page with the drill-down filters beside the period and unit: service, channel, and on the answers page band, term and employee.</summary>
public abstract class ExplorePageModel(InsightsScope insightsScope, StaffScope scope, ServeWellDbContext db) : InsightsPageModel(insightsScope, scope, db)
{
    private readonly ServeWellDbContext _db = db;

    [BindProperty(SupportsGet = true)]
    public string? Service { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Band { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Term { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Employee { get; set; }

    /// <summary>Which of the extra filters the page offers.</summary>
    public virtual bool OffersServiceAndChannel => true;

    public virtual bool OffersBandAndTerm => false;

    public IReadOnlyList<(string Code, string Name)> Services { get; private set; } = [];

    public static IReadOnlyList<FeedbackChannel> Channels { get; } = Enum.GetValues<FeedbackChannel>();

    protected async Task LoadServicesAsync(CancellationToken cancellationToken)
    {
        var services = await _db.PublicServices.AsNoTracking().OrderBy(s => s.Code).Select(s => new { s.Code, s.NameEn, s.NameKo }).ToListAsync(cancellationToken);
        Services = services.Select(s => (s.Code, English ? s.NameEn : s.NameKo)).ToList();
    }

    protected Task<int?> ServiceIdAsync(string code, CancellationToken cancellationToken) =>
        _db.PublicServices.AsNoTracking().Where(s => s.Code == code).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>This page's address with every filter, for exports and paging.</summary>
    public string FilteredLink(string path) =>
        Link(path) + Extra("service", Service) + Extra("channel", Channel) + Extra("band", Band) + Extra("term", Term) + Extra("employee", Employee) + MoreFilters;

    /// <summary>Filters only a derived page knows, already as query-string parts starting with <c>&amp;</c>.</summary>
    protected virtual string MoreFilters => "";

    private static string Extra(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? "" : "&" + name + "=" + Uri.EscapeDataString(value);
}

/// <summary>Links from a figure to the answers behind it (<c>/Insights/Answers</c>), keeping the page's period and unit.</summary>
public static class AnswersLinks
{
    public static string For(
        InsightsPageModel page, string? unit = null, string? service = null, string? channel = null, string? band = null, string? term = null,
        string? employee = null, string? month = null)
    {
        var from = month ?? page.From ?? "";
        var to = month ?? page.To ?? "";
        var link = $"/Insights/Answers?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}&unit={Uri.EscapeDataString(unit ?? page.Unit ?? "")}";
        if (page is ExplorePageModel explore)
        {
            service ??= explore.Service;
            channel ??= explore.Channel;
        }

        foreach (var (name, value) in new[] { ("service", service), ("channel", channel), ("band", band), ("term", term), ("employee", employee) })
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                link += "&" + name + "=" + Uri.EscapeDataString(value);
            }
        }

        return link;
    }
}
