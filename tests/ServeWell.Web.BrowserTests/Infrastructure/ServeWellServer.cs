using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ServeWell.Web.BrowserTests.Infrastructure;

/// <summary>
/// The real app on a real socket (Kestrel, 127.0.0.1, a free port) over a fresh SQLite file, in Development so
/// the demo city is seeded. Mail goes as .eml files into <see cref="MailFolder"/>.
/// </summary>
public sealed class ServeWellServer : WebApplicationFactory<Program>
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "servewell-browser-" + Guid.NewGuid().ToString("N"));

    public ServeWellServer()
    {
        Directory.CreateDirectory(_folder);
        Directory.CreateDirectory(MailFolder);
    }

    public string MailFolder => Path.Combine(_folder, "mail");

    /// <summary>The address the browser talks to, e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public void Start()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("ConnectionStrings:ServeWell", $"Data Source={Path.Combine(_folder, "servewell.db")}");
        builder.UseSetting("Mail:Mode", "Folder");
        builder.UseSetting("Mail:Folder", MailFolder);
        builder.UseSetting("Mail:OutboxLook", "00:00:01"); // the outbox worker writes a mail within a second (ADR-031)
        // A small citizen-feedback history keeps the start fast; the full one is for people exploring the demo.
        builder.UseSetting("Demo:FeedbackAnswers", "300");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the next run uses a new one.
        }
    }
}
