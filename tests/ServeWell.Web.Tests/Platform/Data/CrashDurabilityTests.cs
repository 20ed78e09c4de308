using System.Net;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Data;

/// <summary>
/// Kills the real app with SIGKILL right after it acknowledged roster imports, starts it again on the
/// same SQLite file, and expects every acknowledged employee to be there.
/// </summary>
public sealed class CrashDurabilityTests
{
    [Fact]
    public async Task AcknowledgedImports_AppKilledAndRestarted_AreAllThere()
    {
        var folder = Directory.CreateTempSubdirectory("servewell-crash-").FullName;
        try
        {
            var database = Path.Combine(folder, "servewell.db");
            var mail = Path.Combine(folder, "outbox");
            var acknowledged = new List<string>();

            await using (var first = await AppProcess.StartAsync(database, mail))
            {
                for (var batch = 0; batch < 5; batch++)
                {
                    var rows = Enumerable.Range(0, 20).Select(_ => RosterFile.Row()).ToList();
                    var result = await first.Api.ImportAsync(RosterFile.Csv(rows), dryRun: false);
                    result.Applied.ShouldBeTrue(first.RecentOutput);
                    acknowledged.AddRange(rows.Select(r => r[0]));
                }

                first.Kill();
            }

            await using var second = await AppProcess.StartAsync(database, mail);
            var missing = new List<string>();
            foreach (var number in acknowledged)
            {
                using var response = await second.Api.GetAsync($"/api/v1/employees/{number}");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    missing.Add($"{number}: {(int)response.StatusCode}");
                }
            }

            missing.ShouldBeEmpty($"{missing.Count} of {acknowledged.Count} acknowledged employees were lost.");
        }
        finally
        {
            TempFolder.TryDelete(folder);
        }
    }
}
