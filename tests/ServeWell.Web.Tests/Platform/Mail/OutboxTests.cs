using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Mail;

/// <summary>The outbox (ADR-031): mail commits with the change that causes it, and each mail is sent once.</summary>
public abstract class OutboxTests(AppHost app)
{
    [Fact]
    public async Task Enqueue_ChangeRolledBack_SendsNothing()
    {
        var to = TestData.Unique("rolledback.").ToLowerInvariant() + "@test.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Audit("test change", "Test", to, null, new { changed = true });
            scope.ServiceProvider.GetRequiredService<MailOutbox>().Add(new MailMessage(to, "Never", "This change rolls back."), "en");
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        var files = await app.MailFilesAsync();

        (await MailsToAsync(files, to)).ShouldBeEmpty();
        (await app.DbAsync(db => db.OutboxMails.CountAsync(m => m.To == to))).ShouldBe(0);
    }

    [Fact]
    public async Task Enqueue_ChangeCommitted_IsSentOnceAndMarkedSent()
    {
        var to = TestData.Unique("committed.").ToLowerInvariant() + "@test.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
            db.Audit("test change", "Test", to, null, new { changed = true });
            scope.ServiceProvider.GetRequiredService<MailOutbox>().Add(
                new MailMessage(to, "Committed", "This change commits.", Attachments: [new MailAttachment("invite.ics", "text/calendar; method=REQUEST", "BEGIN:VCALENDAR"u8.ToArray())]), "en");
            await db.SaveChangesAsync();
        }

        var mails = await MailsToAsync(await app.MailFilesAsync(), to);
        await app.MailFilesAsync();

        var mail = mails.ShouldHaveSingleItem();
        mail.Subject.ShouldBe("Committed");
        mail.Attachments.OfType<MimePart>().Single().FileName.ShouldBe("invite.ics");
        (await MailsToAsync(await app.MailFilesAsync(), to)).Count.ShouldBe(1, "a sent mail is not sent again");
        var row = await app.DbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.To == to));
        row.Status.ShouldBe(OutboxStatus.Sent);
        row.Attempts.ShouldBe(1);
        row.SentAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task TwoWorkers_OnTwoNodes_SendEachMailOnce()
    {
        var second = app.StartInstance();
        var prefix = TestData.Unique("Twice? ");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<MailOutbox>();
            for (var i = 0; i < 40; i++)
            {
                outbox.Add(new MailMessage($"worker{i}@test.example", $"{prefix} {i}", "Once only."), "en");
            }

            await scope.ServiceProvider.GetRequiredService<ServeWellDbContext>().SaveChangesAsync();
        }

        var sent = await Task.WhenAll(Send(app.Services), Send(second.Services), Send(app.Services), Send(second.Services));

        // Other tests of the class may have left mail in the outbox too; these 40 went out once each, at the first attempt.
        sent.Sum().ShouldBeGreaterThanOrEqualTo(40);
        (await app.DbAsync(db => db.OutboxMails.CountAsync(m => m.Subject.StartsWith(prefix) && m.Status == OutboxStatus.Sent && m.Attempts == 1))).ShouldBe(40);
        var subjects = new List<string>();
        foreach (var file in await app.MailFilesAsync())
        {
            var subject = (await MimeMessage.LoadAsync(file)).Subject ?? "";
            if (subject.StartsWith(prefix, StringComparison.Ordinal))
            {
                subjects.Add(subject);
            }
        }

        subjects.Count.ShouldBe(40);
        subjects.Distinct().Count().ShouldBe(40);
    }

    [Fact]
    public async Task OutboxPage_ListsMailWithStatusAndCityTime_ForAdministratorsOnly()
    {
        var to = TestData.Unique("page.").ToLowerInvariant() + "@test.example";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            // Due in an hour: the app's own start-up delivery run (which may come late on a busy machine) leaves it pending.
            var mail = scope.ServiceProvider.GetRequiredService<MailOutbox>().Add(new MailMessage(to, "On the page", "Body"), "ko");
            mail.NextAttemptAt = DateTime.UtcNow.AddHours(1);
            await scope.ServiceProvider.GetRequiredService<ServeWellDbContext>().SaveChangesAsync();
        }

        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/Admin/Outbox?status=Pending");
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var denied = await officer.GetAsync("/Admin/Outbox");

        var row = page.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(to, StringComparison.Ordinal));
        row.TextContent.ShouldContain("Pending");
        row.TextContent.ShouldContain("(Asia/Seoul)");
        denied.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    private static async Task<int> Send(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxDelivery>().SendDueAsync(CancellationToken.None);
    }

    internal static async Task<List<MimeMessage>> MailsToAsync(IEnumerable<string> files, string to)
    {
        var found = new List<MimeMessage>();
        foreach (var file in files)
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
        }

        return found;
    }
}

public sealed class OutboxSqliteTests(SqliteApp app) : OutboxTests(app), IClassFixture<SqliteApp>;

public sealed class OutboxPostgresTests(PostgresApp app) : OutboxTests(app), IClassFixture<PostgresApp>;

/// <summary>With the mail server down (a closed loopback port), mail stays pending and is retried with back-off, then fails.</summary>
public abstract class OutboxSmtpDownTests(DatabaseKind kind)
{
    [Fact]
    public async Task SmtpDown_KeepsMailPending_RetriesWithBackOff_ThenFailsAndCanBeRetried()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Mail:Mode"] = "Smtp", ["Mail:SmtpHost"] = "127.0.0.1", ["Mail:SmtpPort"] = ClosedPort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:SmtpStartTls"] = "false", ["Mail:MaxAttempts"] = "3",
        };
        await using var host = await AppHost.StartIsolatedAsync(kind, settings);
        var to = TestData.Unique("down.").ToLowerInvariant() + "@test.example";
        await using (var scope = host.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<MailOutbox>().Add(new MailMessage(to, "While the server is down", "Body"), "en");
            await scope.ServiceProvider.GetRequiredService<ServeWellDbContext>().SaveChangesAsync();
        }

        var before = DateTime.UtcNow;
        (await SendAsync(host)).ShouldBe(0);
        var first = await MailAsync(host, to);
        (await SendAsync(host)).ShouldBe(0);
        var unchanged = await MailAsync(host, to);
        await DueNowAsync(host, to);
        (await SendAsync(host)).ShouldBe(0);
        var second = await MailAsync(host, to);
        await DueNowAsync(host, to);
        (await SendAsync(host)).ShouldBe(0);
        var failed = await MailAsync(host, to);

        first.Status.ShouldBe(OutboxStatus.Pending);
        first.Attempts.ShouldBe(1);
        (first.NextAttemptAt - before).ShouldBeInRange(TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(90), "first retry after a minute");
        first.LastError!.ShouldStartWith("Cannot reach the mail server");
        first.LastError.ShouldNotContain(to);
        unchanged.Attempts.ShouldBe(1, "not retried before its time");
        second.Attempts.ShouldBe(2);
        (second.NextAttemptAt - DateTime.UtcNow).ShouldBeInRange(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(125), "the wait doubles");
        failed.Status.ShouldBe(OutboxStatus.Failed);
        failed.Attempts.ShouldBe(3);

        using var admin = await host.SignInAsRoleAsync(Roles.Administrator);
        var confirm = await admin.GetPageAsync($"/Admin/Outbox/{failed.Id}/Retry");
        confirm.Text("main").ShouldContain(to);
        using var retried = await admin.SubmitAsync(confirm, $"/Admin/Outbox/{failed.Id}/Retry", new Dictionary<string, string>(), fieldName: null);
        retried.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await admin.GetPageAsync(retried.Headers.Location!.OriginalString);
        after.Text("[role=status]").ShouldContain("queued again");
        var again = await MailAsync(host, to);
        again.Status.ShouldBe(OutboxStatus.Pending);
        again.Attempts.ShouldBe(0);
    }

    private static Task<int> SendAsync(AppHost host) => host.UseAsync<OutboxDelivery, int>(d => d.SendDueAsync(CancellationToken.None));

    private static Task<OutboxMail> MailAsync(AppHost host, string to) => host.DbAsync(db => db.OutboxMails.AsNoTracking().SingleAsync(m => m.To == to));

    /// <summary>Time passing: the mail's retry is due now.</summary>
    private static Task<int> DueNowAsync(AppHost host, string to)
    {
        var past = DateTime.UtcNow.AddSeconds(-1);
        return host.DbAsync(db => db.OutboxMails.Where(m => m.To == to).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, past)));
    }

    /// <summary>A loopback port nothing listens on: taken from the system, then closed again.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

public sealed class OutboxSmtpDownSqliteTests() : OutboxSmtpDownTests(DatabaseKind.Sqlite);

public sealed class OutboxSmtpDownPostgresTests() : OutboxSmtpDownTests(DatabaseKind.Postgres);

public sealed class OutboxBackOffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(6, 32)]
    [InlineData(7, 60)]
    [InlineData(40, 60)]
    public void RetryAfter_DoublesFromOneMinute_UpToAnHour(int attempt, int minutes) =>
        OutboxDelivery.RetryAfter(attempt, new MailOptions()).ShouldBe(TimeSpan.FromMinutes(minutes));
}
