namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>One problem in the file: the data row (from 1), the column as named in the file, the value and why.</summary>
public sealed record RosterError(int Row, string Column, string? Value, string Message);

/// <summary>One employee the import creates or changes, with each changed field as "old → new".</summary>
public sealed record RosterChange(int Row, string EmployeeNumber, string Name, string Kind, IReadOnlyList<RosterFieldChange> Fields);

public sealed record RosterFieldChange(string Field, string? From, string? To);

/// <summary>What an import did or, in a dry run, would do.</summary>
public sealed record RosterImportResult
{
    public bool DryRun { get; init; }

    /// <summary>True when the changes were written. False for a dry run, or when errors stopped the import.</summary>
    public bool Applied { get; init; }

    public int Created { get; init; }

    public int Updated { get; init; }

    public int Unchanged { get; init; }

    /// <summary>Employees missing from the file who were (or would be) marked as having left; only when asked for.</summary>
    public int MarkedLeft { get; init; }

    /// <summary>Employees in ServeWell (not marked as left) whom the file does not mention.</summary>
    public int MissingFromFile { get; init; }

    public int RowsRead { get; init; }

    public IReadOnlyList<RosterError> Errors { get; init; } = [];

    /// <summary>The first <see cref="RosterPlan.ChangesListed"/> creates and updates, so a person can see who changes how.</summary>
    public IReadOnlyList<RosterChange> Changes { get; init; } = [];

    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    public string? FileDescription { get; init; }

    /// <summary>A sentence for the person importing: why nothing was written, or what happened.</summary>
    public string? Note { get; init; }
}

public sealed record RosterImportOptions(bool DryRun, bool SkipInvalidRows, bool MarkMissingAsLeft);
