using System.Globalization;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>
/// Streams the rows of a worksheet part. Rows and cells may be missing (Excel writes only cells that hold
/// something), so positions come from the r attributes rather than from counting.
/// </summary>
internal sealed class XlsxRowReader
{
    // Excel's last column is XFD; a reference beyond it means the file is damaged.
    private const int MaxColumns = RosterFileLimits.MaxColumns;

    private readonly XlsxCellValues _cellValues;
    private readonly RosterSheetBuilder _builder;
    private readonly XlsxPendingCell _cell = new();
    private string?[] _cells = new string?[16];
    private int _cellCount;
    private int _rowNumber;
    private bool _inRow;
    private int _hireDateColumn = -1;

    private readonly CancellationToken _cancellationToken;

    private XlsxRowReader(XlsxCellValues cellValues, RosterSheetBuilder builder, CancellationToken cancellationToken)
    {
        _cellValues = cellValues;
        _builder = builder;
        _cancellationToken = cancellationToken;
    }

    public static void Read(WorksheetPart part, XlsxCellValues cellValues, RosterSheetBuilder builder, CancellationToken cancellationToken)
    {
        using var xml = XlsxXml.Open(part);
        new XlsxRowReader(cellValues, builder, cancellationToken).ReadSheetData(xml);
    }

    /// <summary>The zero-based column of a reference such as "AB12"; -1 when it has no letters.</summary>
    internal static int ColumnOf(string reference)
    {
        var column = 0;
        var i = 0;
        for (; i < reference.Length; i++)
        {
            var c = reference[i];
            if (c is >= 'A' and <= 'Z')
            {
                column = (column * 26) + (c - 'A' + 1);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = (column * 26) + (c - 'a' + 1);
            }
            else
            {
                break;
            }

            if (column > MaxColumns)
            {
                throw new InvalidDataException($"the cell reference \"{reference}\" is beyond the last column.");
            }
        }

        return i == 0 ? -1 : column - 1;
    }

    private void ReadSheetData(XmlReader xml)
    {
        var names = xml.NameTable;
        var sheetData = names.Add("sheetData");
        var row = names.Add("row");
        var cell = names.Add("c");
        var value = names.Add("v");
        var inlineString = names.Add("is");
        var text = names.Add("t");
        var phonetic = names.Add("rPh");

        // Everything before sheetData (dimensions, column widths) and after it (merged cells, extensions) is layout.
        if (!MoveToElement(xml, sheetData) || xml.IsEmptyElement)
        {
            return;
        }

        bool inValue = false, inInlineString = false, inText = false, inPhonetic = false;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element:
                    var name = xml.LocalName;
                    var empty = xml.IsEmptyElement;
                    if (ReferenceEquals(name, row))
                    {
                        StartRow(xml);
                        if (empty)
                        {
                            EndRow();
                        }
                    }
                    else if (ReferenceEquals(name, cell))
                    {
                        StartCell(xml);
                        if (empty)
                        {
                            EndCell();
                        }
                    }
                    else if (ReferenceEquals(name, value))
                    {
                        inValue = _cell.Active && !empty;
                    }
                    else if (ReferenceEquals(name, inlineString))
                    {
                        inInlineString = _cell.Active && !empty;
                    }
                    else if (ReferenceEquals(name, phonetic))
                    {
                        inPhonetic = !empty;
                    }
                    else if (ReferenceEquals(name, text))
                    {
                        inText = inInlineString && !inPhonetic && !empty;
                    }

                    break;

                case XmlNodeType.EndElement:
                    var endName = xml.LocalName;
                    if (ReferenceEquals(endName, sheetData))
                    {
                        EndRow();
                        return;
                    }

                    if (ReferenceEquals(endName, row))
                    {
                        EndRow();
                    }
                    else if (ReferenceEquals(endName, cell))
                    {
                        EndCell();
                    }
                    else if (ReferenceEquals(endName, value))
                    {
                        inValue = false;
                    }
                    else if (ReferenceEquals(endName, inlineString))
                    {
                        inInlineString = false;
                    }
                    else if (ReferenceEquals(endName, phonetic))
                    {
                        inPhonetic = false;
                    }
                    else if (ReferenceEquals(endName, text))
                    {
                        inText = false;
                    }

                    break;

                case var nodeType when (inValue || inText) && XlsxXml.IsText(nodeType):
                    if (inValue)
                    {
                        _cell.AppendValue(xml.Value);
                    }
                    else
                    {
                        _cell.InlineText.Append(xml.Value);
                    }

                    break;
            }
        }

        EndRow();
    }

    private static bool MoveToElement(XmlReader xml, string localName)
    {
        while (xml.Read())
        {
            if (xml.NodeType == XmlNodeType.Element && ReferenceEquals(xml.LocalName, localName))
            {
                return true;
            }
        }

        return false;
    }

    private void StartRow(XmlReader xml)
    {
        EndRow();
        var r = xml.GetAttribute("r");
        // Rows without r follow the previous one, as the file format allows.
        _rowNumber = r is null ? _rowNumber + 1 : int.Parse(r, NumberStyles.None, CultureInfo.InvariantCulture);
        Array.Clear(_cells, 0, _cellCount);
        _cellCount = 0;
        _inRow = true;
    }

    private void EndRow()
    {
        EndCell();
        if (!_inRow)
        {
            return;
        }

        _inRow = false;
        _cancellationToken.ThrowIfCancellationRequested();
        _builder.Add(_rowNumber, _cells.AsSpan(0, _cellCount));
        if (_hireDateColumn < 0 && _builder.HasHeader)
        {
            _hireDateColumn = _builder.PositionOf(RosterColumn.HireDate);
        }
    }

    private void StartCell(XmlReader xml)
    {
        EndCell();
        var reference = xml.GetAttribute("r");
        var column = reference is null ? -1 : ColumnOf(reference);
        // Cells without r follow the previous cell of the row.
        _cell.Start(column < 0 ? _cellCount : column, xml.GetAttribute("t"), xml.GetAttribute("s"));
    }

    private void EndCell()
    {
        if (!_cell.Active)
        {
            return;
        }

        var column = _cell.Column;
        var text = _cellValues.Resolve(_cell, isHireDate: column == _hireDateColumn);
        _cell.Active = false;
        if (column >= _cells.Length)
        {
            Array.Resize(ref _cells, Math.Max(column + 1, _cells.Length * 2));
        }

        _cells[column] = text;
        _cellCount = Math.Max(_cellCount, column + 1);
    }
}
