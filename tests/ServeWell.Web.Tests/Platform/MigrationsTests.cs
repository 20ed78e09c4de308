using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ServeWell.Web.Platform.Data;
using Shouldly;
using Xunit;

namespace ServeWell.Web.Tests.Platform;

/// <summary>A model change without `scripts/add-migration.sh` fails here, for each provider.</summary>
public sealed class MigrationsTests
{
    [Fact]
    public void SqliteModel_HasAMigrationForEveryChange()
    {
        using var db = new SqliteServeWellDbContext(new DbContextOptionsBuilder<SqliteServeWellDbContext>().UseSqlite("Data Source=:memory:").Options);
        db.Database.HasPendingModelChanges().ShouldBeFalse("Run scripts/add-migration.sh <Name>.");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void PostgresModel_HasAMigrationForEveryChange()
    {
        using var db = new PostgresServeWellDbContext(new DbContextOptionsBuilder<PostgresServeWellDbContext>().UseNpgsql("Host=localhost").Options);
        db.Database.HasPendingModelChanges().ShouldBeFalse("Run scripts/add-migration.sh <Name>.");
        db.Database.GetMigrations().ShouldNotBeEmpty();
    }

    [Fact]
    public void EachProvider_SeesOnlyItsOwnMigrations()
    {
        using var sqlite = new SqliteServeWellDbContext(new DbContextOptionsBuilder<SqliteServeWellDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var postgres = new PostgresServeWellDbContext(new DbContextOptionsBuilder<PostgresServeWellDbContext>().UseNpgsql("Host=localhost").Options);
        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgresMigrations = postgres.Database.GetMigrations().ToList();
        sqliteMigrations.Count.ShouldBe(postgresMigrations.Count);
        sqlite.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsAssembly>().Migrations.Values
            .ShouldAllBe(t => t.Namespace!.EndsWith(".Sqlite", StringComparison.Ordinal));
    }
}
