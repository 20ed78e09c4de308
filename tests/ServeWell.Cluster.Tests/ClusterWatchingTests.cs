using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ServeWell.Cluster.Tests;

/// <summary>
/// Watching the cluster (ADR-067): a real Prometheus, started by scripts/cluster.sh, scrapes each node with the scrape
/// key and evaluates deploy/prometheus/servewell-alerts.yml. The last step, after the node kill.
/// </summary>
public sealed partial class ClusterTests
{
    [Fact, Step(11)]
    public async Task Prometheus_ScrapesEveryNode_EvaluatesTheShippedRules_AndAlertsOnTheKilledNode()
    {
        // The file an operator loads passes Prometheus' own check.
        var check = await RunAsync("promtool", "check", "rules", Cluster.AlertRules);
        check.Code.ShouldBe(0, check.Output);
        var alertNames = AlertName().Matches(await File.ReadAllTextAsync(Cluster.AlertRules)).Select(m => m.Groups[1].Value).ToList();
        alertNames.ShouldContain("ServeWellNodeDown");

        using var prometheus = new HttpClient { BaseAddress = Cluster.Prometheus, Timeout = TimeSpan.FromSeconds(10) };

        // Every rule of the file is loaded and has been evaluated without an error (a wrong metric or function would show).
        var rules = (await prometheus.GetFromJsonAsync<JsonElement>("/api/v1/rules"))
            .GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToList();
        rules.Select(r => r.GetProperty("name").GetString()).ShouldBe(alertNames, ignoreOrder: true);
        foreach (var rule in rules)
        {
            var name = rule.GetProperty("name").GetString();
            rule.GetProperty("health").GetString().ShouldBe("ok", $"{name}: {(rule.TryGetProperty("lastError", out var e) ? e.GetString() : "")}");
        }

        // Each node was scraped with the key (up = 1 at some point), the killed one included.
        var victim = Cluster.Nodes[1].Authority;
        foreach (var node in Cluster.Nodes)
        {
            (await QueryAsync(prometheus, $"max_over_time(up{{job=\"servewell\",instance=\"{node.Authority}\"}}[30m])")).ShouldBe(["1"], node.Authority);
        }

        // The node killed in step 10 is down for Prometheus, the other two are up, and the alert fires for it alone.
        var firing = await Cluster.EventuallyAsync(async () =>
        {
            var alerts = (await prometheus.GetFromJsonAsync<JsonElement>("/api/v1/alerts")).GetProperty("data").GetProperty("alerts").EnumerateArray()
                .Where(a => a.GetProperty("labels").GetProperty("alertname").GetString() == "ServeWellNodeDown" && a.GetProperty("state").GetString() == "firing")
                .Select(a => a.GetProperty("labels").GetProperty("instance").GetString()).ToList();
            return alerts.SequenceEqual([victim]);
        }, TimeSpan.FromSeconds(30));
        firing.ShouldBeTrue($"ServeWellNodeDown fires for {victim}, and only for it");
        foreach (var node in Cluster.Nodes.Where(n => n.Authority != victim))
        {
            (await QueryAsync(prometheus, $"up{{job=\"servewell\",instance=\"{node.Authority}\"}}")).ShouldBe(["1"], node.Authority);
        }
    }

    /// <summary>The values of an instant query's result series.</summary>
    private static async Task<List<string>> QueryAsync(HttpClient prometheus, string query)
    {
        var answer = await prometheus.GetFromJsonAsync<JsonElement>("/api/v1/query?query=" + Uri.EscapeDataString(query));
        answer.GetProperty("status").GetString().ShouldBe("success", query);
        return answer.GetProperty("data").GetProperty("result").EnumerateArray().Select(r => r.GetProperty("value")[1].GetString()!).ToList();
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    [GeneratedRegex(@"^\s*-\s*alert:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex AlertName();
}
