using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;

namespace ServeWell.Web.BrowserTests.Infrastructure;

/// <summary>Runs axe-core on the page and fails on anything serious or critical against WCAG 2.0–2.2 A and AA.</summary>
public static class AxeCheck
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    private static readonly string[] FailingImpacts = ["serious", "critical"];

    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
            ResultTypes = [ResultType.Violations],
        };
        var result = await page.RunAxe(options);
        var failing = result.Violations.Where(v => FailingImpacts.Contains(v.Impact)).ToList();
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
                message.Append("      at ").Append(node.Target).Append(": ").AppendLine(Why(node));
            }

            if (v.Nodes.Length > 10)
            {
                message.Append("      … and ").Append(v.Nodes.Length - 10).AppendLine(" more");
            }
        }

        Assert.Fail(message.ToString());
    }

    /// <summary>The first reason axe gives for the node, e.g. the contrast ratio it measured.</summary>
    private static string Why(AxeResultNode node) =>
        new[] { node.Any, node.All, node.None }.Where(c => c is not null).SelectMany(c => c).Select(c => c.Message).FirstOrDefault(m => !string.IsNullOrEmpty(m)) ?? "";
}
