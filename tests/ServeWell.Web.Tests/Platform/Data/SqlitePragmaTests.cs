using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Data;

/// <summary>Connections the app opens on SQLite run in WAL mode with synchronous=FULL, so a commit survives a crash.</summary>
public sealed class SqlitePragmaTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Theory]
    [InlineData("journal_mode", "wal")]
    [InlineData("synchronous", "2")]
    [InlineData("foreign_keys", "1")]
    public async Task Connection_OpenedByAppDbContext_HasDurablePragma(string pragma, string expected)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();

        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            var value = Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);

            value.ShouldBe(expected, StringCompareShould.IgnoreCase);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
