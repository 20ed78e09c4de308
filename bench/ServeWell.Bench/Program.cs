using ServeWell.Bench;
using ServeWell.Web.Modules.Demo;

// dotnet run -c Release --project bench/ServeWell.Bench -- import [--rows 100000] [--pg "Host=…;Database=postgres;Username=postgres"]
// dotnet run -c Release --project bench/ServeWell.Bench -- audience [--employees 100000] [--pg "…"]
// dotnet run -c Release --project bench/ServeWell.Bench -- intake [--clients 16] [--seconds 10] [--rounds 3] [--port 5182] [--pg "…"] [--only sqlite|pg]
// dotnet run -c Release --project bench/ServeWell.Bench -- demo-seed [--rows 200000] [--pg "…"]
// dotnet run -c Release --project bench/ServeWell.Bench -- learning [--learners 10000] [--questions 5000] [--calls 300] [--pg "…"]
// dotnet run -c Release --project bench/ServeWell.Bench -- scrub [--comments 100000]
// dotnet run -c Release --project bench/ServeWell.Bench -- case-search --pg "…" [--cases 50000] [--queries 200]
// dotnet run -c Release --project bench/ServeWell.Bench -- soak --pg "…" [--minutes 30] [--nodes 2] [--fraction 0.5] [--clients 16] [--port 5300]
// dotnet run -c Release --project bench/ServeWell.Bench -- insights [--answers 10000000] --pg "…" [--keep <database>] [--rebuild] [--calls 200] [--raw-calls 20] [--burst 10000 | --no-burst]
if (args.FirstOrDefault() == "scrub")
{
    var comments = 100_000;
    for (var i = 1; i < args.Length; i++)
    {
        if (args[i] == "--comments")
        {
            comments = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    ScrubBenchmark.Run(comments);
    return 0;
}

if (args.FirstOrDefault() == "case-search")
{
    int cases = 50_000, queries = 200;
    string? admin = null;
    for (var i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--cases": cases = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
            case "--queries": queries = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
            case "--pg": admin = args[++i]; break;
        }
    }

    if (admin is null)
    {
        Console.Error.WriteLine("usage: case-search --pg <admin connection string> [--cases 50000] [--queries 200]");
        return 2;
    }

    await CaseSearchBenchmark.RunAsync(admin, cases, queries);
    return 0;
}

if (args.FirstOrDefault() == "insights")
{
    long answers = 10_000_000;
    string? admin = null, keep = null;
    var rebuild = false;
    int calls = 200, rawCalls = 20, burst = 10_000;
    for (var i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--answers": answers = long.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
            case "--pg": admin = args[++i]; break;
            case "--keep": keep = args[++i]; break;
            case "--rebuild": rebuild = true; break;
            case "--no-burst": burst = 0; break;
            case "--burst": burst = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
            case "--calls": calls = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
            case "--raw-calls": rawCalls = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        }
    }

    if (admin is null)
    {
        Console.Error.WriteLine("usage: insights [--answers N] --pg <admin connection string> [--keep <database name>] [--rebuild] [--calls 200] [--raw-calls 20] [--burst 10000 | --no-burst]");
        return 2;
    }

    await InsightsBenchmark.RunAsync(admin, answers, keep, rebuild, calls, rawCalls, burst);
    return 0;
}

if (args.FirstOrDefault() == "learning")
{
    int learners = 10_000, questions = 5_000, calls = 300;
    string? admin = null;
    for (var i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--learners": learners = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
            case "--questions": questions = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
            case "--calls": calls = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
            case "--pg": admin = args[++i]; break;
        }
    }

    await using (var sqlite = BenchDatabase.Sqlite())
    {
        await LearningBenchmark.RunAsync("SQLite", sqlite, learners, questions, calls);
    }

    if (admin is not null)
    {
        await using var db = await BenchDatabase.PostgresAsync(admin);
        await LearningBenchmark.RunAsync("PostgreSQL", db, learners, questions, calls);
    }

    return 0;
}

var rows = args.FirstOrDefault() == "demo-seed" ? new DemoOptions().FeedbackAnswers : 100_000;
string? pg = null;
var clients = 16;
var seconds = 20;
var rounds = 3;
var port = 5182;
string? only = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows" or "--employees": rows = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--pg": pg = args[++i]; break;
        case "--clients": clients = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--seconds": seconds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--rounds": rounds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--port": port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--only": only = args[++i]; break;
    }
}

if (args.FirstOrDefault() == "demo-seed")
{
    await using (var sqlite = BenchDatabase.Sqlite())
    await using (var sqliteFloor = BenchDatabase.Sqlite())
    {
        await DemoSeedBenchmark.RunAsync("SQLite", sqlite, sqliteFloor, rows);
    }

    if (pg is not null)
    {
        await using var db = await BenchDatabase.PostgresAsync(pg);
        await using var floor = await BenchDatabase.PostgresAsync(pg);
        await DemoSeedBenchmark.RunAsync("PostgreSQL", db, floor, rows);
    }

    return 0;
}

if (args.FirstOrDefault() == "intake")
{
    await IntakeBenchmark.RunAsync(new IntakeBenchmark.Options(
        clients, TimeSpan.FromSeconds(seconds), port, pg, Path.Combine(AppContext.BaseDirectory, "ServeWell.Web.dll"), only, rounds));
    return 0;
}

if (args.FirstOrDefault() == "soak")
{
    var minutes = 30;
    var nodes = 2;
    var fraction = 0.5;
    for (var i = 1; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--minutes": minutes = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
            case "--nodes": nodes = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
            case "--fraction": fraction = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        }
    }

    if (pg is null)
    {
        Console.Error.WriteLine("soak needs --pg <admin connection string> (PostgreSQL with fsync on)");
        return 2;
    }

    await SoakBenchmark.RunAsync(new SoakBenchmark.Options(
        pg, Path.Combine(AppContext.BaseDirectory, "ServeWell.Web.dll"), Path.Combine(AppContext.BaseDirectory, "HelloWorld.dll"),
        minutes, nodes, args.Contains("--port") ? port : 5300, fraction, clients));
    return 0;
}

Func<string, BenchDatabase, int, Task>? run = args.FirstOrDefault() switch
{
    "import" => ImportBenchmark.RunAsync,
    "audience" => AudienceBenchmark.RunAsync,
    _ => null,
};
if (run is null)
{
    Console.Error.WriteLine("usage: import [--rows N] [--pg <admin connection string>]\n       audience [--employees N] [--pg <admin connection string>]\n       demo-seed [--rows N] [--pg <admin connection string>]\n       intake [--clients N] [--seconds S] [--rounds R] [--port P] [--pg <admin connection string>] [--only sqlite|pg]");
    return 2;
}

await using (var sqlite = BenchDatabase.Sqlite())
{
    await run("SQLite", sqlite, rows);
}

if (pg is not null)
{
    await using var db = await BenchDatabase.PostgresAsync(pg);
    await run("PostgreSQL", db, rows);
}

return 0;
