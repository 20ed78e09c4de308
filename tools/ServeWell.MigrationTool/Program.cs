using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Platform.Data;

// Usage: ServeWell.MigrationTool add <Name> <path to src/ServeWell.Web>
//        ServeWell.MigrationTool check <path>   (fails when the model has changes no migration covers)
if (args.Length < 2 || args[0] is not ("add" or "check"))
{
    Console.Error.WriteLine("usage: add <MigrationName> <webProjectDir> | check <webProjectDir>");
    return 2;
}

var adding = args[0] == "add";
var projectDir = Path.GetFullPath(adding ? args[2] : args[1]);
var name = adding ? args[1] : "Check";
var providers = new (string Folder, Func<ServeWellDbContext> Create)[]
{
    ("Sqlite", () => new SqliteServeWellDbContext(new DbContextOptionsBuilder<SqliteServeWellDbContext>().UseSqlite("Data Source=:memory:").Options)),
    ("Postgres", () => new PostgresServeWellDbContext(new DbContextOptionsBuilder<PostgresServeWellDbContext>().UseNpgsql("Host=localhost").Options)),
};

var failed = false;
foreach (var (folder, create) in providers)
{
    using var context = create();
    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(context);
    ProviderDesignTimeServices(context).ConfigureDesignTimeServices(services);
    using var provider = services.BuildServiceProvider();
    var scaffolder = provider.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, "ServeWell.Web", $"Platform.Data.Migrations.{folder}", "C#");
    var empty = migration.MigrationCode.Contains("protected override void Up(MigrationBuilder migrationBuilder)\n        {\n\n        }", StringComparison.Ordinal);
    if (!adding)
    {
        if (!empty)
        {
            Console.Error.WriteLine($"{folder}: the model has changes that no migration covers. Run scripts/add-migration.sh <Name>.");
            failed = true;
        }

        continue;
    }

    var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Platform", "Data", "Migrations", folder));
    Console.WriteLine($"{folder}: {Path.GetRelativePath(projectDir, files.MigrationFile!)}");
}

return failed ? 1 : 0;

// The provider names its design-time services in an assembly attribute, as the dotnet-ef tool reads it.
static IDesignTimeServices ProviderDesignTimeServices(DbContext context)
{
    var providerAssembly = Assembly.Load(new AssemblyName(context.Database.ProviderName!));
    var attribute = providerAssembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()
        ?? throw new InvalidOperationException($"{context.Database.ProviderName} has no design-time services.");
    var type = providerAssembly.GetType(attribute.TypeName, throwOnError: true)!;
    return (IDesignTimeServices)Activator.CreateInstance(type)!;
}
