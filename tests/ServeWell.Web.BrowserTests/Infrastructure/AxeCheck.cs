using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;

namespace ServeWell.Web.BrowserTests.Infrastructure;

/// <summary>Runs axe-core on the page and fails on anything serious or critical against WCAG 2.0–2.2 A and AA.</summary>
/// <remarks>
/// axe-core (the copy bundled with Deque.AxeCore.Commons) is put into every frame of the page and run once with
/// <c>axe.run</c>, returning the violations only. Deque's Playwright wrapper ran each check in parts and finished it
/// on a second, blank page into which it loaded axe again: 8–13 s a page on a loaded two-core runner, most of the
/// browser tests' time. The rules, tags and impacts checked are the same.
/// </remarks>
public static class AxeCheck
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly string[] FailingImpacts = ["serious", "critical"];

    private static readonly Lazy<string> Source = new(() => new BundledAxeScriptProvider().GetScript());

    private const string Run = """
        async tags => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
          return JSON.stringify(result.violations.map(v => ({
            id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
            nodes: v.nodes.map(n => ({
              target: JSON.stringify(n.target),
              why: [...(n.any || []), ...(n.all || []), ...(n.none || [])].map(c => c.message).find(m => m) || ''
            }))
          })));
        }
        """;

    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        foreach (var frame in page.Frames)
        {
            if (!frame.IsDetached && await frame.EvaluateAsync<bool>("() => typeof window.axe === 'undefined'"))
            {
                await frame.EvaluateAsync(Source.Value);
            }
        }

        var json = await page.EvaluateAsync<string>(Run, Tags);
        var failing = JsonSerializer.Deserialize<List<Violation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!
            .Where(v => FailingImpacts.Contains(v.Impact))
            .ToList();
        if (failing.Count == 0)
        {
            return;
        }

        var message = new StringBuilder()
            .Append("axe found ").Append(failing.Count).Append(" serious or critical WCAG violation(s) on ")
            .Append(what).Append(" (").Append(page.Url).AppendLine("):");
        foreach (var v in failing)
        {
            message.Append("  - ").Append(v.Id).Append(" [").Append(v.Impact).Append("] ").Append(v.Help)
                .Append(" (").Append(v.HelpUrl).AppendLine(")");
            foreach (var node in v.Nodes.Take(10))
            {
                message.Append("      at ").Append(node.Target).Append(": ").AppendLine(node.Why);
            }

            if (v.Nodes.Count > 10)
            {
                message.Append("      … and ").Append(v.Nodes.Count - 10).AppendLine(" more");
            }
        }

        Assert.Fail(message.ToString());
    }

    private sealed record Violation(string Id, string? Impact, string Help, string HelpUrl, List<ViolationNode> Nodes);

    private sealed record ViolationNode(string Target, string Why);
}
