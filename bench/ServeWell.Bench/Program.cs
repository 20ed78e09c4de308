using ServeWell.Bench;

// dotnet run -c Release --project bench/ServeWell.Bench -- import [--rows 100000] [--pg "Host=…;Database=postgres;Username=postgres"]
var rows = 100_000;
string? pg = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture); break;
        case "--pg": pg = args[++i]; break;
    }
}

if (args.Length == 0 || args[0] != "import")
{
    Console.Error.WriteLine("usage: import [--rows N] [--pg <admin connection string>]");
    return 2;
}

await ImportBenchmark.RunAsync("SQLite", BenchDatabase.Sqlite(), rows);
if (pg is not null)
{
    await using var db = await BenchDatabase.PostgresAsync(pg);
    await ImportBenchmark.RunAsync("PostgreSQL", db, rows);
}

return 0;
