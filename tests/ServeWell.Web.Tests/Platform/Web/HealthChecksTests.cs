using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Platform.Jobs;
using ServeWell.Web.Platform.Mail;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Web;

public abstract class HealthChecksTests(AppHost app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task HealthEndpoint_Anonymous_Answers200(string path)
    {
        using var client = app.Anonymous();

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldBe("Healthy");
    }
}

public sealed class HealthChecksSqliteTests(SqliteApp app) : HealthChecksTests(app), IClassFixture<SqliteApp>;

public sealed class HealthChecksPostgresTests(PostgresApp app) : HealthChecksTests(app), IClassFixture<PostgresApp>;

/// <summary>/health/ready also says not ready when the outbox or the rollups fall behind (ADR-057).</summary>
public abstract class BacklogReadinessTests(DatabaseKind kind)
{
    [Fact]
    public async Task Ready_FailsWhileAQueueIsBehindItsLimit_AndRecoversWhenItIsDrained()
    {
        // No worker runs, so what the test queues stays queued until the test drains it (a worker's first look could
        // otherwise come after the test's first insert on a busy machine, and send the mail the check should see).
        await using var app = await AppHost.StartIsolatedAsync(kind, new Dictionary<string, string?>
        {
            ["Health:MaxBacklogAge"] = "00:05:00",
        }, withoutBackgroundJobs: true);
        using var client = app.Anonymous();
        await app.DbAsync(async db =>
        {
            await db.OutboxMails.ExecuteDeleteAsync();
            await db.Set<InsightsRollupQueueItem>().ExecuteDeleteAsync();
            return 0;
        });
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // A mail due ten minutes ago and never sent: the outbox is ten minutes behind.
        var mailId = await app.DbAsync(async db =>
        {
            var mail = new OutboxMail
            {
                To = "someone@example.org", Language = "en", Subject = "s", TextBody = "t", Status = OutboxStatus.Pending,
                NextAttemptAt = DateTime.UtcNow.AddMinutes(-10), CreatedAt = DateTime.UtcNow.AddMinutes(-10),
            };
            db.OutboxMails.Add(mail);
            await db.SaveChangesAsync();
            return mail.Id;
        });
        var outbox = await BacklogAsync(app, "outbox");
        outbox.Waiting.ShouldBe(1);
        outbox.OldestAge.ShouldBeGreaterThan(TimeSpan.FromMinutes(9));
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        // A mail due in the future (a retry later) is not behind; sent, the outbox is empty again.
        await app.DbAsync(db => db.OutboxMails.Where(m => m.Id == mailId).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, DateTime.UtcNow.AddMinutes(30))));
        (await BacklogAsync(app, "outbox")).Waiting.ShouldBe(0);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Answers queued for the rollups ten minutes ago and not counted yet.
        await app.DbAsync(async db =>
        {
            var unit = await db.OrgUnits.Select(u => u.Id).FirstAsync();
            db.Set<InsightsRollupQueueItem>().Add(new InsightsRollupQueueItem
            {
                Month = new DateOnly(2026, 11, 1), OrgUnitId = unit, Delta = false, EnqueuedAt = DateTime.UtcNow.AddMinutes(-10),
            });
            return await db.SaveChangesAsync();
        });
        (await BacklogAsync(app, "rollups")).OldestAge.ShouldBeGreaterThan(TimeSpan.FromMinutes(9));
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        await app.UseAsync<InsightsRollups, int>(r => r.RunBatchAsync(CancellationToken.None));
        (await BacklogAsync(app, "rollups")).Waiting.ShouldBe(0);
        (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<BacklogState> BacklogAsync(AppHost app, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetServices<IBacklog>().Single(b => b.Name == name).ReadAsync(CancellationToken.None);
    }
}

public sealed class BacklogReadinessSqliteTests() : BacklogReadinessTests(DatabaseKind.Sqlite);

public sealed class BacklogReadinessPostgresTests() : BacklogReadinessTests(DatabaseKind.Postgres);
