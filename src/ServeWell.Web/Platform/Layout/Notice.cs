using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ServeWell.Web.Platform.Layout;

/// <summary>
/// The notice after a save (ADR-032): a handler says in words what it did, then redirects; the layout shows the words
/// once, at the top of the next page, as a status message. One key for the whole app, so no page forgets to show it.
/// </summary>
public static class Notice
{
    public const string Key = "ServeWell.Notice";

    /// <summary>Keeps <paramref name="text"/> for the next page the user sees (usually the one redirected to).</summary>
    public static void Saved(this ITempDataDictionary tempData, string text) => tempData[Key] = text;
}

/// <summary>
/// What a confirmation page shows before a destructive action (ADR-032): the question, the consequence in plain words,
/// and a form that posts back with <see cref="Field"/> set. A handler that gets the post without it does nothing.
/// </summary>
public sealed record Confirmation(string Title, IReadOnlyList<string> Consequences, string ConfirmText, string PostUrl, string BackUrl, string BackText)
{
    /// <summary>The form field that says the person saw the consequence and confirmed.</summary>
    public const string Field = "confirmed";

    /// <summary>Other fields to post back (the id of what is affected).</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();
}
