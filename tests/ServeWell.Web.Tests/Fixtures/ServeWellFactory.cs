using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>
/// One instance of the real app (in memory) on a test database: Development, so the demo city is
/// seeded, with a known administrator API key and mail written to a folder of the fixture.
/// </summary>
public sealed class ServeWellFactory(
    TestDatabase database, string mailFolder, IReadOnlyDictionary<string, string?>? settings = null, bool withoutBackgroundJobs = false)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    public string MailFolder { get; } = mailFolder;

    /// <summary>More logging set-up for a test that reads the app's logs (a capturing provider).</summary>
    public Action<ILoggingBuilder>? Logging { get; init; }

    /// <summary>Serves on a real socket (Kestrel on 127.0.0.1, a free port) instead of in memory; returns its address.</summary>
    public Uri StartOnSocket()
    {
        UseKestrel(0);
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.First().Replace("://localhost", "://127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:ServeWell", Database.ConnectionString);
        builder.UseSetting("Mail:Mode", "Folder");
        builder.UseSetting("Mail:Folder", MailFolder);
        builder.UseSetting("Demo:ApiKey", Demo.ApiKey);
        builder.UseSetting("Demo:Password", Demo.Password);
        // A small feedback history keeps every fixture's start fast; DemoFeedbackTests checks the full one.
        builder.UseSetting("Demo:FeedbackAnswers", "300");
        builder.UseSetting("Demo:ScenarioPlayers", "20");
        // The demo mayor subscribes to the monthly report: no test should get it by chance on the first days of a month.
        builder.UseSetting("Insights:Reports:SendOnFirstDays", "0");
        // The outbox worker looks once at start and then not for an hour: tests send the outbox themselves
        // (AppHost.MailFilesAsync), so a mail is never half-written by the worker while a test reads the folder.
        builder.UseSetting("Mail:OutboxLook", "01:00:00");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        // On a fresh database EF logs its probe of the not-yet-created __EFMigrationsHistory as a failed command;
        // a real failure surfaces as an exception in the test, so the command log is only noise here.
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command", "None");
        // Test apps are an English-speaking city unless a test says otherwise: most tests read English mail from people
        // without an account. The Korean city default has tests of its own (PublishTests, the demo's Korean texts).
        builder.UseSetting("City:DefaultLanguage", "en");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (Logging is { } logging)
        {
            builder.ConfigureLogging(logging);
        }

        if (withoutBackgroundJobs)
        {
            // For a database template (SeededTemplates): migrations and the seed, none of the app's own jobs.
            builder.ConfigureServices(services =>
            {
                foreach (var job in services.Where(d => d.ServiceType == typeof(IHostedService)
                             && d.ImplementationType?.Assembly == typeof(Program).Assembly).ToList())
                {
                    services.Remove(job);
                }
            });
        }
    }
}
