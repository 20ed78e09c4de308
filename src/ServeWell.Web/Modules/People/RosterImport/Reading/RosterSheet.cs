namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>The columns of an HR roster file, recognised by English or Korean header names.</summary>
public enum RosterColumn
{
    EmployeeNumber,
    Name,
    Email,
    Phone,
    OrgUnitCode,
    Grade,
    Position,
    HireDate,
    Frontline,
    Status,
}

/// <summary>
/// One data row of the file. <see cref="Row"/> counts data rows from 1 (the header is not counted).
/// <see cref="Values"/> is indexed by <see cref="RosterColumn"/>: null where the file has no such column,
/// otherwise the trimmed text ("" for an empty cell). Dates from XLSX date cells arrive as yyyy-MM-dd.
/// </summary>
public sealed record RosterRecord(int Row, string?[] Values)
{
    public string? this[RosterColumn column] => Values[(int)column];
}

/// <summary>A roster file read into rows, before any validation against the database.</summary>
public sealed class RosterSheet
{
    /// <summary>The columns the file has, with the header text as written in the file (for error messages).</summary>
    public required IReadOnlyDictionary<RosterColumn, string> Headers { get; init; }

    /// <summary>Header names the file has that ServeWell does not know; their values are ignored.</summary>
    public required IReadOnlyList<string> IgnoredColumns { get; init; }

    public required IReadOnlyList<RosterRecord> Rows { get; init; }

    /// <summary>How the file was read, for the person importing it: "CSV, UTF-8, comma-separated", "XLSX, sheet “Sheet1”".</summary>
    public required string Description { get; init; }
}

/// <summary>The file as a whole cannot be read (not CSV/XLSX, no header, a required column missing, broken XLSX).</summary>
public sealed class RosterFileException(string message) : Exception(message);
