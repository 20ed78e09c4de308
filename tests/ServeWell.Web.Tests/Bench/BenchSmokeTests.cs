using System.Diagnostics;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Bench;

/// <summary>
/// The benchmarks in <c>bench/</c> still run to the end. They build their own services and data, which drift as the app
/// changes (the Insights burst could not start for a while, unnoticed). Each command runs once at a tiny size against
/// the tests' PostgreSQL server (and SQLite where it measures both), must exit 0 and print its result line. The
/// figures themselves are not judged here: performance lives in docs/BENCHMARKS.md. The intake benchmark, which runs
/// the app on its own port for minutes, is not among them.
/// </summary>
public sealed class BenchSmokeTests
{
    [Theory]
    [InlineData("import --rows 500", "| PostgreSQL | 500 rows")]
    [InlineData("audience --employees 200", "| PostgreSQL | 200 employees")]
    [InlineData("demo-seed --rows 500", "| PostgreSQL | 500 answers")]
    [InlineData("insights --answers 5000 --calls 1 --raw-calls 1 --burst 1000", "(1,000 = 1,000)")]
    [InlineData("learning --learners 50 --questions 60 --calls 3", "| PostgreSQL | 50 learners")]
    [InlineData("scrub --comments 2000", "| Scrubber (every category, 1,000 roster names) | 2,000 comments")]
    public async Task Command_AtATinySize_RunsToTheEnd(string command, string expected)
    {
        var info = new ProcessStartInfo("dotnet", [BenchDll(), .. command.Split(' '), "--pg", PostgresTestDatabase.ServerConnectionString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var bench = Process.Start(info)!;
        var output = bench.StandardOutput.ReadToEndAsync();
        var errors = bench.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        try
        {
            await bench.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            bench.Kill(entireProcessTree: true);
            throw new TimeoutException($"bench {command} did not end within 4 minutes:\n{await output}");
        }

        var text = await output + await errors;
        bench.ExitCode.ShouldBe(0, text);
        text.ShouldContain(expected, Case.Sensitive, text);
    }

    /// <summary>The bench built beside these tests (same configuration), found from the repository's root.</summary>
    private static string BenchDll()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ServeWell.slnx")))
        {
            root = root.Parent;
        }

        root.ShouldNotBeNull("the repository root (ServeWell.slnx) above " + AppContext.BaseDirectory);
        var dll = Path.Combine(root.FullName, "bench", "ServeWell.Bench", "bin", configuration, "net10.0", "ServeWell.Bench.dll");
        File.Exists(dll).ShouldBeTrue($"{dll} is built with the solution (and by the test project's build reference)");
        return dll;
    }
}
