using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using ServeWell.Web.Modules.People.RosterImport;

namespace ServeWell.Web.Tests.Modules.People.RosterImport.Reading;

/// <summary>A small file cannot hold a core or gigabytes: columns, unpacked sizes and shared strings are capped (ADR-028).</summary>
public class RosterFileLimitsTests
{
    [Fact]
    public void Csv_HeaderBeyondExcelsLastColumn_IsRefusedSayingTheLimit()
    {
        var header = TestFiles.EnglishHeader + string.Concat(Enumerable.Range(0, 20_000).Select(i => ",extra" + i));

        var refused = Should.Throw<RosterFileException>(() => TestFiles.ReadCsv(TestFiles.Lines(header)));

        refused.Message.ShouldContain("20,010 columns");
        refused.Message.ShouldContain("16,384");
    }

    [Fact]
    public void Csv_ManyUnknownColumnsWithinTheLimit_AreReadInLinearTime()
    {
        // 16,000 distinct unknown headers: the old List.Contains check made 128 million comparisons of them.
        var header = TestFiles.EnglishHeader + string.Concat(Enumerable.Range(0, 16_000).Select(i => ",unknown_column_with_a_long_shared_prefix_" + i));
        var text = TestFiles.Lines(header);
        var watch = Stopwatch.StartNew();

        var sheet = TestFiles.ReadCsv(text);

        watch.Stop();
        sheet.IgnoredColumns.Count.ShouldBe(16_000);
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Csv_DataRowBeyondTheLimit_IsRefused()
    {
        var wide = "E1" + new string(',', 17_000);

        var refused = Should.Throw<RosterFileException>(() => TestFiles.ReadCsv(TestFiles.Lines(TestFiles.EnglishHeader, wide)));

        refused.Message.ShouldContain("Row 2");
    }

    [Fact]
    public void Csv_Cancelled_StopsReading()
    {
        var text = TestFiles.Lines([TestFiles.EnglishHeader, .. Enumerable.Range(0, 1_000).Select(i => $"E{i},Name,e{i}@x.example,,HR01,7,,2023-03-15,Y,active")]);
        using var stream = new MemoryStream(TestFiles.Utf8(text, bom: false));

        Should.Throw<OperationCanceledException>(() => RosterFileReader.Read(stream, "roster.csv", new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Xlsx_Cancelled_StopsReading()
    {
        using var stream = new MemoryStream(SmallWorkbook());

        Should.Throw<OperationCanceledException>(() => RosterFileReader.Read(stream, "roster.xlsx", new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Xlsx_PartThatUnpacksAThousandFold_IsRefusedBeforeItIsRead()
    {
        // 20 MB of one repeated string packs to a few kilobytes: the shape of the 730 KB file that grew the process by 1.3 GB.
        var bomb = WithSharedStrings(sb =>
        {
            sb.Append("<si><t>");
            sb.Append('a', 20_000_000);
            sb.Append("</t></si>");
        });

        var refused = Should.Throw<RosterFileException>(() => TestFiles.Read(bomb, "roster.xlsx"));

        refused.Message.ShouldContain("sharedStrings.xml");
        refused.Message.ShouldContain("100 times its packed size");
    }

    [Fact]
    public void Xlsx_TooManySharedStrings_IsRefusedSayingTheLimit()
    {
        var many = WithSharedStrings(sb =>
        {
            for (var i = 0; i < 1_000_001; i++)
            {
                sb.Append("<si><t>").Append(i.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).Append("</t></si>");
            }
        });

        var refused = Should.Throw<RosterFileException>(() => TestFiles.Read(many, "roster.xlsx"));

        refused.Message.ShouldContain("more than 1,000,000 shared strings");
    }

    [Fact]
    public void Xlsx_SharedStringLongerThanACell_IsRefused()
    {
        var random = new Random(28);
        var bytes = new byte[30_000];
        random.NextBytes(bytes);
        var text = Convert.ToBase64String(bytes); // 40,000 characters that barely compress
        var longOne = WithSharedStrings(sb => sb.Append("<si><t>").Append(text).Append("</t></si>"));

        var refused = Should.Throw<RosterFileException>(() => TestFiles.Read(longOne, "roster.xlsx"));

        refused.Message.ShouldContain("32,767 characters");
    }

    internal static byte[] SmallWorkbook() =>
        new XlsxBuilder().Strings(1, "employee_number", "name", "email", "org_unit_code", "grade", "hire_date").Strings(2, "E1", "Kim", "k@x.example", "HR01", "7", "2023-03-15").Build();

    /// <summary>A real workbook whose shared string table is replaced by <paramref name="items"/>.</summary>
    internal static byte[] WithSharedStrings(Action<StringBuilder> items)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">");
        items(xml);
        xml.Append("</sst>");
        using var stream = new MemoryStream();
        stream.Write(SmallWorkbook());
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var old = zip.Entries.Single(e => e.FullName.EndsWith("sharedStrings.xml", StringComparison.OrdinalIgnoreCase));
            var name = old.FullName;
            old.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Optimal).Open(), new UTF8Encoding(false));
            writer.Write(xml.ToString());
        }

        return stream.ToArray();
    }
}
