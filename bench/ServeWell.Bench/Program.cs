using ServeWell.Bench;

// dotnet run -c Release --project bench/ServeWell.Bench -- import [--rows 100000] [--pg "Host=…;Database=postgres;Username=postgres"]
// dotnet run -c Release --project bench/ServeWell.Bench -- audience [--employees 100000] [--pg "…"]
// dotnet run -c Release --project bench/ServeWell.Bench -- intake [--clients 16] [--seconds 20] [--port 5182] [--pg "…"]
var rows = 100_000;
string? pg = null;
var clients = 16;
var seconds = 20;
var port = 5182;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows" or "--employees": rows = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--pg": pg = args[++i]; break;
        case "--clients": clients = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--seconds": seconds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--port": port = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
    }
}

if (args.FirstOrDefault() == "intake")
{
    await IntakeBenchmark.RunAsync(new IntakeBenchmark.Options(
        clients, TimeSpan.FromSeconds(seconds), port, pg, Path.Combine(AppContext.BaseDirectory, "ServeWell.Web.dll")));
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
    Console.Error.WriteLine("usage: import [--rows N] [--pg <admin connection string>]\n       audience [--employees N] [--pg <admin connection string>]\n       intake [--clients N] [--seconds S] [--port P] [--pg <admin connection string>]");
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
