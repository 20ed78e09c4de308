using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>
/// The real app as a child process (<c>dotnet ServeWell.Web.dll</c>) on a free port of 127.0.0.1, for
/// tests that must kill it the hard way. Uses the web project's own build output.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Api = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Api.DefaultRequestHeaders.Add("X-Api-Key", Demo.ApiKey);
    }

    public Uri Address { get; }

    /// <summary>A client with the demo administrator API key.</summary>
    public HttpClient Api { get; }

    public string RecentOutput => string.Join(Environment.NewLine, _output.TakeLast(40));

    public static Task<AppProcess> StartAsync(string sqliteFile, string mailFolder) =>
        StartAsync("Sqlite", $"Data Source={sqliteFile}", mailFolder);

    /// <summary>Starts the app on any provider; <paramref name="settings"/> become environment variables (":" as "__").</summary>
    public static async Task<AppProcess> StartAsync(
        string provider, string connectionString, string mailFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = WebAssemblyPath();
        var port = FreePort();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__ServeWell"] = connectionString;
        start.Environment["Demo__ApiKey"] = Demo.ApiKey;
        start.Environment["Mail__Folder"] = mailFolder;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port}"));
        process.OutputDataReceived += (_, e) => app.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => app.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await app.WaitUntilReadyAsync();
        return app;
    }

    /// <summary>Runs one of the app's commands (<c>dotnet ServeWell.Web.dll backup …</c>) to its end: exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(
        string provider, string connectionString, params string[] arguments)
    {
        var dll = WebAssemblyPath();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__ServeWell"] = connectionString;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing; only what was committed durably survives.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        Api.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before it was ready:\n{RecentOutput}");
            }

            try
            {
                using var response = await probe.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The app was not ready on {Address} within {StartTimeout.TotalSeconds:0} s:\n{RecentOutput}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _))
        {
        }
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>src/ServeWell.Web/bin/{configuration}/{tfm}/ServeWell.Web.dll, found from the test's own output folder.</summary>
    private static string WebAssemblyPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ServeWell.slnx")))
        {
            root = root.Parent;
        }

        var dll = root is null ? null : Path.Combine(root.FullName, "src", "ServeWell.Web", "bin", configuration, tfm, "ServeWell.Web.dll");
        return dll is not null && File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"Build the web project first: no ServeWell.Web.dll at {dll ?? "(repository root not found)"}.");
    }
}
