using Microsoft.Extensions.Localization;

namespace ServeWell.Web.Platform.Localization;

/// <summary>What a form posts for a <see cref="LocalText"/>: both languages side by side (the <c>_LocalTextInput</c> partial).</summary>
public sealed class LocalTextForm
{
    public string? En { get; set; }

    public string? Ko { get; set; }

    public LocalText ToText() => LocalText.Of(En, Ko);

    public static LocalTextForm From(LocalText? text) => new() { En = text?.En, Ko = text?.Ko };
}

/// <summary>The checks every <see cref="LocalText"/> input gets, for pages and the API alike.</summary>
public static class LocalTextRules
{
    /// <summary>
    /// Problems as (field, message): <paramref name="field"/> when a required text is empty in both languages,
    /// <c>field.en</c> / <c>field.ko</c> when one is too long.
    /// </summary>
    public static IEnumerable<(string Field, string Message)> Check(
        LocalText? text, string field, int maxLength, string? requiredMessage, IStringLocalizer l)
    {
        text ??= LocalText.Empty;
        if (requiredMessage is not null && text.IsEmpty)
        {
            yield return (field, requiredMessage);
        }

        if (text.En.Length > maxLength)
        {
            yield return (field + ".en", l["English: at most {0} characters.", maxLength]);
        }

        if (text.Ko.Length > maxLength)
        {
            yield return (field + ".ko", l["Korean: at most {0} characters.", maxLength]);
        }
    }
}

/// <summary>The model of the <c>_LocalTextInput</c> partial: the form field's name ("Form.Title"), its label and value.</summary>
public sealed record LocalTextInput(string Name, string Label, LocalTextForm Value, int MaxLength, bool Required = false, bool Multiline = false);
