using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ServeWell.Web.Modules.Insights.Overview;
using ServeWell.Web.Modules.Insights.Reports;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;

namespace ServeWell.Web.Tests.Insights;

/// <summary>The monthly PDF report: its text read back with pdftotext, the download page, and the mailing across two nodes.</summary>
public abstract class MonthlyReportTests(AppHost app)
{
    [Fact]
    public async Task Pdf_ContainsTheMonthsFigures_InEnglishAndKorean()
    {
        await RollUpAsync(app);
        var month = await LastFullMonthAsync(app);
        using var leader = await app.SignInAsRoleAsync(Roles.Leadership);
        using var overviewResponse = await leader.GetAsync($"/api/v1/insights/overview?from={month}&to={month}");
        var overview = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<InsightsOverviewDto>(overviewResponse.Content, Json.Web))!;

        using var response = await leader.GetAsync($"/api/v1/insights/reports/{month}.pdf");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var text = await ExternalTools.PdfTextAsync(await response.Content.ReadAsByteArrayAsync());

        text.ShouldContain("Hanbit City");
        text.ShouldContain("Most problematic services");
        text.ShouldContain("Follow-up performance");
        text.ShouldContain("Visiting Courtesy Training");
        text.ShouldContain("evidence, not proof");
        text.ShouldContain(overview.Total.Answers.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en")));
        text.ShouldContain(overview.Total.Index!.Value.ToString("0.0", System.Globalization.CultureInfo.GetCultureInfo("en")));

        using var korean = await leader.GetAsync($"/api/v1/insights/reports/{month}.pdf?lang=ko");
        var ko = await ExternalTools.PdfTextAsync(await korean.Content.ReadAsByteArrayAsync());
        ko.ShouldContain("한빛시");
        ko.ShouldContain("후속 조치 실적");

        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        using var outside = await supervisor.GetAsync($"/api/v1/insights/reports/{month}.pdf?orgUnitCode={Demo.City}");
        outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var bad = await leader.GetAsync("/api/v1/insights/reports/2026-13.pdf");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ReportsPage_ListsMonths_AndSubscribesAndUnsubscribes()
    {
        await RollUpAsync(app);
        using var training = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        var html = await training.GetPageAsync("/Insights/Reports");
        html.QuerySelectorAll(".report-months a[data-month]").Length.ShouldBeGreaterThan(3);
        html.QuerySelector("[data-subscribed]")!.GetAttribute("data-subscribed").ShouldBe("false");

        using (var subscribe = await training.SubmitAsync(html, "/Insights/Reports", new Dictionary<string, string>()))
        {
            subscribe.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        var subscribed = await training.GetPageAsync("/Insights/Reports");
        subscribed.QuerySelector("[data-subscribed]")!.GetAttribute("data-subscribed").ShouldBe("true");
        var user = await app.DemoAccountAsync(Roles.TrainingOfficer);
        (await app.DbAsync(db => db.ReportSubscriptions.CountAsync(s => s.UserId == user.Id))).ShouldBe(1);
        using (var unsubscribe = await training.SubmitAsync(subscribed, "/Insights/Reports", new Dictionary<string, string>()))
        {
            unsubscribe.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await app.DbAsync(db => db.ReportSubscriptions.CountAsync(s => s.UserId == user.Id))).ShouldBe(0);
        (await training.GetPageAsync("/Insights/Reports?lang=ko")).QuerySelector("h1")!.TextContent.ShouldBe("월간 보고서");
    }

    internal static Task RollUpAsync(AppHost host) =>
        host.UseAsync<InsightsRollups, int>(async r => await r.RebuildAsync(CancellationToken.None) + await r.DrainAsync(CancellationToken.None));

    internal static async Task<string> LastFullMonthAsync(AppHost host)
    {
        var calendar = host.Services.GetRequiredService<InsightsCalendar>();
        return InsightsScope.Format(calendar.MonthOf(DateTime.UtcNow).AddMonths(-1));
    }
}

public sealed class MonthlyReportSqliteTests(SqliteApp app) : MonthlyReportTests(app), IClassFixture<SqliteApp>;

public sealed class MonthlyReportPostgresTests(PostgresApp app) : MonthlyReportTests(app), IClassFixture<PostgresApp>;

/// <summary>Two nodes run the mailing job on the same database: each subscriber gets last month's report once, for their own scope.</summary>
public abstract class MonthlyReportMailingTests(DatabaseKind kind)
{
    [Fact]
    public async Task TwoNodes_SendEachSubscriberOneReport_ForTheirOwnScope()
    {
        // The demo accounts choose no language, so their mail is in the city's; this test reads English.
        var settings = new Dictionary<string, string?> { ["Insights:Reports:SendOnFirstDays"] = "31", ["Insights:Reports:Look"] = "00:00:01", ["City:DefaultLanguage"] = "en" };
        await using var host = await AppHost.StartIsolatedAsync(kind, settings);
        var second = host.StartInstance(settings);
        // The demo mayor (whole city) is subscribed; the supervisor subscribes too, scoped to one centre.
        var supervisor = await host.DemoAccountAsync(Roles.Supervisor);
        await host.DbAsync(async db =>
        {
            db.ReportSubscriptions.Add(new ReportSubscription { UserId = supervisor.Id, CreatedAtUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        await MonthlyReportTests.RollUpAsync(host);

        var started = DateTime.UtcNow;
        while ((await ReportMailsAsync(host)).Count < 2 && DateTime.UtcNow - started < TimeSpan.FromSeconds(90))
        {
            await Task.Delay(500);
        }

        // Both nodes asked again at once: nothing more goes out.
        var month = DateOnly.ParseExact(await MonthlyReportTests.LastFullMonthAsync(host) + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var again = await Task.WhenAll(
            SendAsync(host.Services, month), SendAsync(second.Services, month), SendAsync(host.Services, month), SendAsync(second.Services, month));
        await Task.Delay(2500);

        again.Sum().ShouldBe(0);
        var mails = await ReportMailsAsync(host);
        mails.Count.ShouldBe(2);
        mails.Select(m => m.To.Mailboxes.Single().Address!).Order().ShouldBe(new[] { Demo.EmailOf(Roles.Leadership), Demo.EmailOf(Roles.Supervisor) }.Order());
        (await host.DbAsync(db => db.ReportDeliveries.CountAsync(d => d.SentAtUtc != null))).ShouldBe(2);

        var toSupervisor = mails.Single(m => m.To.Mailboxes.Single().Address! == Demo.EmailOf(Roles.Supervisor));
        var attachment = toSupervisor.Attachments.OfType<MimePart>().Single();
        attachment.FileName.ShouldBe($"servewell-report-{InsightsScope.Format(month)}-{Demo.SupervisorCentre}.pdf");
        using var pdf = new MemoryStream();
        await attachment.Content!.DecodeToAsync(pdf);
        var text = await ExternalTools.PdfTextAsync(pdf.ToArray());
        text.ShouldContain("Wonhyo-dong");
        // The city heads every report as its issuing authority (ADR-038); the report itself is about the centre only.
        text.ShouldNotContain(": Hanbit City");
        text.ShouldNotContain("Local tax");
    }

    private static async Task<int> SendAsync(IServiceProvider services, DateOnly month)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SendMonthlyReports>().SendAsync(month, CancellationToken.None);
    }

    private static async Task<List<MimeMessage>> ReportMailsAsync(AppHost host) =>
        (await host.MailFilesAsync()).Select(f => MimeMessage.Load(f))
            .Where(m => (m.Subject ?? "").StartsWith("Monthly report", StringComparison.Ordinal)).ToList();
}

public sealed class MonthlyReportMailingSqliteTests() : MonthlyReportMailingTests(DatabaseKind.Sqlite);

public sealed class MonthlyReportMailingPostgresTests() : MonthlyReportMailingTests(DatabaseKind.Postgres);
