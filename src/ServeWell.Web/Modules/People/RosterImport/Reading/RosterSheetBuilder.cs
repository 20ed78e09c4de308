namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>
/// Turns the raw rows of a CSV or XLSX file into a <see cref="RosterSheet"/>: the first non-blank row is
/// the header, later rows become records numbered from the header so a person can find them in Excel.
/// </summary>
internal sealed class RosterSheetBuilder
{
    private readonly List<RosterRecord> _rows = [];
    private readonly List<string> _ignoredColumns = [];
    private readonly HashSet<string> _ignoredSeen = new(StringComparer.Ordinal);
    private readonly Dictionary<RosterColumn, string> _headers = [];

    // Index: column position in the file; value: the RosterColumn it feeds, or -1 when ignored.
    private int[] _targets = [];
    private int _headerPosition;

    public bool HasHeader { get; private set; }

    /// <summary>Position in the file of the column feeding <paramref name="column"/>, or -1.</summary>
    public int PositionOf(RosterColumn column) => Array.IndexOf(_targets, (int)column);

    /// <summary>
    /// Accepts one row of the file. <paramref name="position"/> is its 1-based place in the file (the CSV
    /// record number or the worksheet row number); cells may be null where a sparse row has no cell.
    /// </summary>
    public void Add(int position, ReadOnlySpan<string?> cells)
    {
        if (cells.Length > RosterFileLimits.MaxColumns)
        {
            throw new RosterFileException(TooManyColumns(position, cells.Length));
        }

        if (IsBlank(cells))
        {
            return;
        }

        if (!HasHeader)
        {
            SetHeader(cells);
            _headerPosition = position;
            return;
        }

        var values = new string?[RosterHeaders.ColumnCount];
        foreach (var column in _headers.Keys)
        {
            values[(int)column] = "";
        }

        var count = Math.Min(cells.Length, _targets.Length);
        for (var i = 0; i < count; i++)
        {
            var target = _targets[i];
            if (target >= 0)
            {
                values[target] = cells[i]?.Trim() ?? "";
            }
        }

        _rows.Add(new RosterRecord(position - _headerPosition, values));
    }

    public RosterSheet Build(string description)
    {
        if (!HasHeader)
        {
            throw new RosterFileException(
                "The file has no rows. The first row must hold the column names, for example employee_number, name, email.");
        }

        return new RosterSheet
        {
            Headers = _headers,
            IgnoredColumns = _ignoredColumns,
            Rows = _rows,
            Description = description,
        };
    }

    private void SetHeader(ReadOnlySpan<string?> cells)
    {
        _targets = new int[cells.Length];
        for (var i = 0; i < cells.Length; i++)
        {
            _targets[i] = -1;
            var header = cells[i]?.Trim() ?? "";
            if (header.Length == 0)
            {
                // Excel often leaves empty header cells after the last real column; they carry nothing.
                continue;
            }

            if (!RosterHeaders.TryMatch(header, out var column))
            {
                // A set, not List.Contains: a header of many unknown columns was quadratic (ADR-028).
                if (_ignoredSeen.Add(header))
                {
                    _ignoredColumns.Add(header);
                }

                continue;
            }

            if (_headers.TryGetValue(column, out var earlier))
            {
                var written = string.Equals(earlier, header, StringComparison.Ordinal)
                    ? $"\"{header}\""
                    : $"\"{earlier}\" and \"{header}\"";
                throw new RosterFileException(
                    $"The column {RosterHeaders.Describe(column)} appears twice in the first row ({written}). Keep only one of them.");
            }

            _headers.Add(column, header);
            _targets[i] = (int)column;
        }

        var missing = RosterHeaders.Required.Where(c => !_headers.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new RosterFileException(MissingColumnsMessage(missing));
        }

        HasHeader = true;
    }

    public static string TooManyColumns(int position, int count) =>
        $"Row {position} of the file has {RosterFileLimits.Number(count)} columns; a roster may have at most {RosterFileLimits.Number(RosterFileLimits.MaxColumns)}, as in Excel.";

    private static string MissingColumnsMessage(List<RosterColumn> missing)
    {
        var names = missing.Select(RosterHeaders.Describe).ToList();
        var list = names.Count == 1
            ? names[0]
            : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];
        var noun = names.Count == 1 ? "column" : "columns";
        return $"The file has no {noun} {list}. The first row must hold the column names.";
    }

    private static bool IsBlank(ReadOnlySpan<string?> cells)
    {
        foreach (var cell in cells)
        {
            if (!string.IsNullOrWhiteSpace(cell))
            {
                return false;
            }
        }

        return true;
    }
}
