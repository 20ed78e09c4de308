using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Mail;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>
/// A class fixture: a throw-away database, a mail folder and a started app on them. Test classes that
/// must hold on both providers take it through <see cref="SqliteApp"/> and <see cref="PostgresApp"/>.
/// </summary>
public abstract class AppHost(DatabaseKind kind) : IAsyncLifetime, IAsyncDisposable
{
    private readonly List<ServeWellFactory> _instances = [];

    public DatabaseKind Kind { get; } = kind;

    public TestDatabase Database { get; private set; } = null!;

    public string MailFolder { get; private set; } = "";

    /// <summary>The first app instance; more can run on the same database with <see cref="StartInstance"/>.</summary>
    public ServeWellFactory Factory { get; private set; } = null!;

    public IServiceProvider Services => Factory.Services;

    /// <summary>
    /// A database of its own and an app for a test that changes things other tests could see, optionally with its own
    /// settings. The database is a copy of the seeded template for the settings that shape the seed (Demo, City); the
    /// others (limits, job intervals, Redis) only shape the running app, so they do not cost a migration and a seed each.
    /// </summary>
    /// <param name="withoutBackgroundJobs">
    /// None of the app's own hosted jobs run: for a test that queues work itself and must know nothing drains it
    /// behind its back (a job's first look may come any time after the start on a busy machine).
    /// </param>
    public static async Task<AppHost> StartIsolatedAsync(
        DatabaseKind kind, IReadOnlyDictionary<string, string?>? settings = null, bool withoutBackgroundJobs = false)
    {
        AppHost host = new IsolatedApp(kind);
        host._withoutBackgroundJobs = withoutBackgroundJobs;
        host.Database = await SeededTemplates.CreateAsync(kind, settings?.Where(s => ShapesTheSeed(s.Key)).ToDictionary());
        host.MailFolder = Directory.CreateTempSubdirectory("servewell-mail-").FullName;
        host.Factory = host.StartInstance(settings);
        return host;
    }

    /// <summary>Settings the demo seed reads: a template is built for each combination of them.</summary>
    private static bool ShapesTheSeed(string key) =>
        key.StartsWith("Demo:", StringComparison.OrdinalIgnoreCase) || key.StartsWith("City:", StringComparison.OrdinalIgnoreCase);

    private bool _withoutBackgroundJobs;

    /// <summary>Settings a fixture subclass gives every instance it starts (e.g. rate limits a test class relies on).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    /// <summary>A class fixture starts on a copy of the seeded template its settings share with other fixtures.</summary>
    public async Task InitializeAsync()
    {
        Database = await SeededTemplates.CreateAsync(Kind, Settings);
        MailFolder = Directory.CreateTempSubdirectory("servewell-mail-").FullName;
        Factory = StartInstance(Settings);
    }

    /// <summary>Starts another instance of the app on the same database and mail folder (migrations and seed are no-ops then).</summary>
    public ServeWellFactory StartInstance(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new ServeWellFactory(Database, MailFolder, settings, _withoutBackgroundJobs);
        _instances.Add(factory);
        _ = factory.Services; // builds and starts the host: migrations, demo seed
        return factory;
    }

    /// <summary>
    /// Starts another instance on a real socket (127.0.0.1, a free port) on the same database, disposed with the
    /// fixture, for what only a real connection shows: the client address, request-size limits.
    /// </summary>
    public (ServeWellFactory Instance, Uri Address) StartSocketInstance(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new ServeWellFactory(Database, MailFolder, settings);
        _instances.Add(factory);
        return (factory, factory.StartOnSocket());
    }

    public StaffClient Anonymous(ServeWellFactory? instance = null) => new(instance ?? Factory);

    public async Task<StaffClient> SignInAsync(string email, string password = Demo.Password, ServeWellFactory? instance = null)
    {
        var client = Anonymous(instance);
        await client.SignInAsync(email, password);
        return client;
    }

    public Task<StaffClient> SignInAsRoleAsync(string role) => SignInAsync(Demo.EmailOf(role));

    /// <summary>A client that calls the API with the demo administrator key.</summary>
    public HttpClient ApiClient(string apiKey = Demo.ApiKey, ServeWellFactory? instance = null)
    {
        var client = (instance ?? Factory).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>Sends the outbox's due mail as the worker would (ADR-031), then lists the .eml files in the mail folder.</summary>
    public async Task<string[]> MailFilesAsync()
    {
        await UseAsync<OutboxDelivery, int>(d => d.SendDueAsync(CancellationToken.None));
        return Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml") : [];
    }

    /// <summary>Runs <paramref name="work"/> with the app's own DbContext in a fresh DI scope.</summary>
    public async Task<T> DbAsync<T>(Func<ServeWellDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<ServeWellDbContext>());
    }

    /// <summary>Runs <paramref name="work"/> with a service of the app (a use case such as OrgChart) in a fresh DI scope.</summary>
    public async Task<T> UseAsync<TService, T>(Func<TService, Task<T>> work)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        _instances.Clear();
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        TempFolder.TryDelete(MailFolder);
    }

    async ValueTask IAsyncDisposable.DisposeAsync()
    {
        await DisposeAsync();
        GC.SuppressFinalize(this);
    }

    private sealed class IsolatedApp(DatabaseKind kind) : AppHost(kind);
}

public sealed class SqliteApp() : AppHost(DatabaseKind.Sqlite);

public sealed class PostgresApp() : AppHost(DatabaseKind.Postgres);
