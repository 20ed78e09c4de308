using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>
/// Puts the authoring service's problems (fields as the API names them: "title.en", "nodes[2].choices[0].text") on the
/// page's form fields ("Form.Title.En", "Form.Replies[0].Text"), so each message sits beside its field and in the summary.
/// </summary>
public static class FormKeys
{
    public static void Add(ModelStateDictionary state, IEnumerable<EditScenario.Problem> problems, string formPrefix, string? nodePrefix = null)
    {
        foreach (var p in problems)
        {
            var field = p.Field;
            if (nodePrefix is not null)
            {
                if (!field.StartsWith(nodePrefix, StringComparison.Ordinal))
                {
                    state.AddModelError("", p.Message);
                    continue;
                }

                field = field[nodePrefix.Length..].Replace("choices[", "replies[", StringComparison.Ordinal);
            }

            state.AddModelError((formPrefix.Length > 0 ? formPrefix + "." : "") + string.Join('.', field.Split('.').Select(s => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..])), p.Message);
        }
    }
}
