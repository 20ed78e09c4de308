namespace ServeWell.Web.Modules.Practice.Scenarios.Pages;

/// <summary>One bar: a score against the best possible; <see cref="Earlier"/> draws it as the "before" of a pair.</summary>
public sealed record ScoreBar(string? Label, int Score, int Best, int Percent, bool Earlier = false);

public sealed record ScoreBarRow(string Name, IReadOnlyList<ScoreBar> Bars);

/// <summary>The model of the <c>_ScoreBars</c> partial: rows of bars and the table's column headings (one per bar).</summary>
public sealed record ScoreBarsView(string Caption, IReadOnlyList<string> Columns, IReadOnlyList<ScoreBarRow> Rows);
