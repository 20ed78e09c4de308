using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.FollowUps;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.FollowUps.Contacts;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.FollowUps;

/// <summary>Two nodes purging every second with no retention: a closed case's contact is deleted by their loop, once.</summary>
public abstract class FollowUpBackgroundTests(DatabaseKind kind)
{
    private static readonly Dictionary<string, string?> Fast = new()
    {
        ["FollowUps:PurgeInterval"] = "00:00:01",
        ["FollowUps:ContactRetention"] = "00:00:00",
        ["FollowUps:MailInterval"] = "00:00:01",
    };

    [Fact]
    public async Task TwoNodes_PurgeTheContactOfAClosedCase_Once()
    {
        await using var app = await AppHost.StartIsolatedAsync(kind, Fast);
        var second = app.StartInstance(Fast);
        var closed = await app.OpenCaseAsync(Demo.SupervisorCentre, new FeedbackContact("purge.me@citizen.example", null));
        var open = await app.OpenCaseAsync(Demo.SupervisorCentre, new FeedbackContact("keep.me@citizen.example", null));
        using var api = app.ApiClient(instance: second);
        using var response = await api.PostAsJsonAsync($"/api/v1/follow-ups/{closed.Id}/transitions", new { to = "closedUnreachable" });
        response.EnsureSuccessStatusCode();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && await app.DbAsync(db => db.Set<FollowUpContact>().AnyAsync(c => c.CaseId == closed.Id)))
        {
            await Task.Delay(200);
        }

        await Task.Delay(2500); // two more passes of both loops: nothing more may happen to the case
        (await app.DbAsync(db => db.Set<FollowUpContact>().AnyAsync(c => c.CaseId == closed.Id))).ShouldBeFalse();
        (await app.DbAsync(db => db.Set<FollowUpContact>().AnyAsync(c => c.CaseId == open.Id))).ShouldBeTrue();
        (await app.DbAsync(db => db.Set<FollowUpEvent>().CountAsync(e => e.CaseId == closed.Id && e.Kind == FollowUpEventKind.ContactPurged))).ShouldBe(1);
        (await app.CaseAsync(closed.Id)).ContactPurgedAtUtc.ShouldNotBeNull();
        var lease = await app.DbAsync(db => db.Leases.AsNoTracking().SingleAsync(l => l.Name == FollowUpBackground.PurgeLease));
        lease.Holder.ShouldNotBeNull();
    }
}

public sealed class FollowUpBackgroundSqliteTests() : FollowUpBackgroundTests(DatabaseKind.Sqlite);

public sealed class FollowUpBackgroundPostgresTests() : FollowUpBackgroundTests(DatabaseKind.Postgres);
