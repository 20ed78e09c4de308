using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace ServeWell.Cluster.Tests;

/// <summary>
/// The cluster scripts/cluster.sh started: nginx in front of three nodes on one PostgreSQL and one Redis, described by
/// SERVEWELL_CLUSTER_* variables. Clients can speak from their own loopback address (127.0.0.N), so each test has its
/// own per-address limit, and a client that is not the proxy (anything but 127.0.0.1) can reach a node directly.
/// </summary>
public static partial class Cluster
{
    public static Uri Proxy => new(Required("SERVEWELL_CLUSTER_URL"));

    public static IReadOnlyList<Uri> Nodes => [.. Required("SERVEWELL_CLUSTER_NODES").Split(',').Select(u => new Uri(u))];

    public static IReadOnlyList<int> NodePids => [.. Required("SERVEWELL_CLUSTER_NODE_PIDS").Split(',').Select(int.Parse)];

    public static string Database => Required("SERVEWELL_CLUSTER_PG");

    public static string ApiKey => Required("SERVEWELL_CLUSTER_API_KEY");

    /// <summary>A script that stops PostgreSQL as a crash (stop) or starts it again (start): the cluster's own server.</summary>
    public static string PostgresControl => Required("SERVEWELL_CLUSTER_PGCTL");

    public static string ScrapeKey => Required("SERVEWELL_CLUSTER_SCRAPE_KEY");

    /// <summary>The Prometheus that scrapes the three nodes and evaluates the shipped alert rules.</summary>
    public static Uri Prometheus => new(Required("SERVEWELL_CLUSTER_PROMETHEUS"));

    /// <summary>deploy/prometheus/servewell-alerts.yml as the repository has it.</summary>
    public static string AlertRules => Required("SERVEWELL_CLUSTER_RULES");

    /// <summary>Each node's mail folder (Mail:Mode Folder): a mail sent twice would be two files.</summary>
    public static IReadOnlyList<string> MailFolders => Required("SERVEWELL_CLUSTER_MAIL_DIRS").Split(',');

    public static int PerAddressPerMinute => int.Parse(Required("SERVEWELL_CLUSTER_PER_ADDRESS"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A client of <paramref name="target"/> whose connections come from 127.0.0.<paramref name="sourceHost"/>, with its own cookies.</summary>
    public static HttpClient Client(Uri target, int sourceHost, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            CookieContainer = cookies ?? new CookieContainer(),
            UseCookies = true,
            PooledConnectionLifetime = TimeSpan.FromSeconds(5),
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(IPAddress.Parse($"127.0.0.{sourceHost}"), 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = target, Timeout = TimeSpan.FromSeconds(30) };
    }

    public static HttpClient Api(Uri target, int sourceHost)
    {
        var client = Client(target, sourceHost);
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        using var page = await client.GetAsync(path);
        page.StatusCode.ShouldBe(HttpStatusCode.OK, path);
        var html = await page.Content.ReadAsStringAsync();
        return TokenField().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on " + path);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string token, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Whether <paramref name="condition"/> holds within <paramref name="within"/>, asked every 50 ms.</summary>
    public static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }
        while (clock.Elapsed < within);
        return false;
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run these tests through scripts/cluster.sh, which starts the cluster.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
