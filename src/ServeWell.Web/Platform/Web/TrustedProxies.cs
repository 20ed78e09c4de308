using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ServeWell.Web.Platform.Web;

/// <summary>
/// X-Forwarded-For and -Proto are believed only from the proxies listed in ForwardedHeaders:TrustedProxies
/// (addresses or networks; default: loopback only). Trusting every sender let a client that reached a node
/// directly pick its own address and escape the per-address limits (ADR-028).
/// </summary>
public static class TrustedProxies
{
    public const string Setting = "ForwardedHeaders:TrustedProxies";

    private static readonly string[] Loopback = ["127.0.0.0/8", "::1/128"];

    public static void AddServeWellForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var entries = Read(configuration);
        // PostConfigure also governs the host's own middleware when ASPNETCORE_FORWARDEDHEADERS_ENABLED is set,
        // which would otherwise trust everyone.
        services.PostConfigure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Walk X-Forwarded-For from the right while the hop is a trusted proxy, however many there are.
            o.ForwardLimit = null;
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            foreach (var entry in entries)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    o.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
    }

    /// <summary>The configured list (an array, or one comma-separated value), checked at start-up; loopback when empty.</summary>
    public static IReadOnlyList<string> Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Setting);
        var entries = section.GetChildren().Select(c => c.Value ?? "")
            .Concat((section.Value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
            .Select(e => e.Trim()).Where(e => e.Length > 0).ToList();
        foreach (var entry in entries)
        {
            var valid = entry.Contains('/', StringComparison.Ordinal)
                ? System.Net.IPNetwork.TryParse(entry, out _)
                : IPAddress.TryParse(entry, out _);
            if (!valid)
            {
                throw new InvalidOperationException(
                    $"{Setting}: \"{entry}\" is neither an IP address (10.0.0.5) nor a network (10.0.0.0/24).");
            }
        }

        return entries.Count > 0 ? entries : Loopback;
    }
}
