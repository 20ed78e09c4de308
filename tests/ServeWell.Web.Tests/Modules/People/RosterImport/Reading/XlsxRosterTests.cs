using System.IO.Compression;
using DocumentFormat.OpenXml.Spreadsheet;
using Shouldly;
using ServeWell.Web.Modules.People.RosterImport;

namespace ServeWell.Web.Tests.Modules.People.RosterImport.Reading;

public class XlsxRosterTests
{
    private static readonly string[] Header =
        ["사번", "성명", "이메일", "전화번호", "부서코드", "직급", "직위", "입사일", "민원담당", "상태"];

    // 45000 is 2023-03-15 in Excel's 1900 date system.
    private const double March15 = 45000;

    [Fact]
    public void Read_Xlsx_ReadsSharedAndInlineStringsAndNamesTheSheet()
    {
        var xlsx = new XlsxBuilder().Strings(1, Header);
        xlsx.Row(2,
            xlsx.Shared("A2", "E001"),
            XlsxBuilder.Inline("B2", " 김민준 "),
            xlsx.Shared("C2", "minjun.kim@city.go.kr"),
            xlsx.Shared("E2", "HR01"),
            xlsx.Shared("F2", "7급"),
            XlsxBuilder.Number("H2", March15, XlsxBuilder.DateStyle));

        var sheet = TestFiles.Read(xlsx.Build("직원명부"), "roster.xlsx");

        sheet.Description.ShouldBe("XLSX, sheet “직원명부”");
        sheet.Headers[RosterColumn.HireDate].ShouldBe("입사일");
        var row = sheet.Rows.ShouldHaveSingleItem();
        row.Row.ShouldBe(1);
        row[RosterColumn.EmployeeNumber].ShouldBe("E001");
        row[RosterColumn.Name].ShouldBe("김민준");
        row[RosterColumn.Email].ShouldBe("minjun.kim@city.go.kr");
        row[RosterColumn.Grade].ShouldBe("7급");
    }

    [Fact]
    public void Read_XlsxDateCell_GivesIsoDate()
    {
        var xlsx = new XlsxBuilder().Strings(1, Header).Strings(2, "E001", "Kim", "k@x.kr", "", "HR", "7");
        xlsx.Row(3, [.. Cells(xlsx, 3, "E002", "Lee", "l@x.kr", "", "HR", "7"), XlsxBuilder.Number("H3", 45000.75, XlsxBuilder.DateStyle)]);

        var sheet = TestFiles.Read(xlsx.Build());

        sheet.Rows[1][RosterColumn.HireDate].ShouldBe("2023-03-15");
    }

    [Theory]
    [InlineData("yyyy\\-mm\\-dd", "2023-03-15")]
    [InlineData("yyyy\"년\" m\"월\" d\"일\"", "2023-03-15")]
    [InlineData("[$-412]yyyy\"년\" mmmm d\"일\" dddd;@", "2023-03-15")]
    [InlineData("mmm\\ yy", "2023-03-15")]
    [InlineData("[h]:mm:ss", "45000")]
    [InlineData("h:mm AM/PM", "45000")]
    [InlineData("#,##0", "45000")]
    [InlineData("0.00\"days\"", "45000")]
    public void Read_XlsxCustomNumberFormat_DecidesDateByFormat(string formatCode, string expected)
    {
        var xlsx = new XlsxBuilder().Strings(1, Header);
        var style = xlsx.CustomFormat(formatCode);
        // In the phone column, so that only the format (not the hire_date rule) can make it a date.
        xlsx.Row(2, [.. Cells(xlsx, 2, "E001", "Kim", "k@x.kr"), XlsxBuilder.Number("D2", March15, style)]);

        var sheet = TestFiles.Read(xlsx.Build());

        sheet.Rows.ShouldHaveSingleItem()[RosterColumn.Phone].ShouldBe(expected);
    }

    [Fact]
    public void Read_XlsxPlainSerialInHireDate_GivesIsoDate()
    {
        var xlsx = new XlsxBuilder().Strings(1, Header);
        xlsx.Row(2, [.. Cells(xlsx, 2, "E001", "Kim", "k@x.kr", "", "HR", "7"), XlsxBuilder.Number("H2", March15)]);
        xlsx.Row(3, [.. Cells(xlsx, 3, "E002", "Lee", "l@x.kr", "", "HR", "7"), XlsxBuilder.Number("H3", 20230315)]);

        var sheet = TestFiles.Read(xlsx.Build());

        sheet.Rows[0][RosterColumn.HireDate].ShouldBe("2023-03-15");
        sheet.Rows[1][RosterColumn.HireDate].ShouldBe("20230315");
    }

    [Fact]
    public void Read_XlsxNumbersAndBooleans_AreWrittenPlainly()
    {
        var xlsx = new XlsxBuilder().Strings(1, Header);
        xlsx.Row(2,
            XlsxBuilder.Number("A2", 20190001),
            xlsx.Shared("B2", "Kim"),
            xlsx.Shared("C2", "k@x.kr"),
            XlsxBuilder.Number("D2", 1012345678),
            xlsx.Shared("E2", "HR"),
            XlsxBuilder.Number("F2", 7.5),
            XlsxBuilder.Boolean("I2", true));

        var row = TestFiles.Read(xlsx.Build()).Rows.ShouldHaveSingleItem();

        row[RosterColumn.EmployeeNumber].ShouldBe("20190001");
        row[RosterColumn.Phone].ShouldBe("1012345678");
        row[RosterColumn.Grade].ShouldBe("7.5");
        row[RosterColumn.Frontline].ShouldBe("TRUE");
        row[RosterColumn.HireDate].ShouldBe("");
        row[RosterColumn.Status].ShouldBe("");
    }

    [Fact]
    public void Read_XlsxSparseRow_PlacesCellsByReference()
    {
        var xlsx = new XlsxBuilder().Strings(1, Header);
        xlsx.Row(2,
            xlsx.Shared("A2", "E001"),
            xlsx.Shared("C2", "k@x.kr"),
            xlsx.Shared("J2", "휴직"));

        var row = TestFiles.Read(xlsx.Build()).Rows.ShouldHaveSingleItem();

        row[RosterColumn.EmployeeNumber].ShouldBe("E001");
        row[RosterColumn.Name].ShouldBe("");
        row[RosterColumn.Email].ShouldBe("k@x.kr");
        row[RosterColumn.HireDate].ShouldBe("");
        row[RosterColumn.Status].ShouldBe("휴직");
    }

    [Fact]
    public void Read_XlsxMissingAndEmptyRows_AreSkippedButNumberedFromTheHeader()
    {
        // The header sits on sheet row 2; row 4 is absent from the file and row 5 has only empty cells.
        var xlsx = new XlsxBuilder().Strings(2, Header).Strings(3, "E001", "A", "a@x.kr");
        xlsx.Row(5, xlsx.Shared("A5", " "), XlsxBuilder.Inline("B5", ""));
        xlsx.Strings(6, "E002", "B", "b@x.kr");

        var sheet = TestFiles.Read(xlsx.Build());

        sheet.Rows.Select(r => r.Row).ShouldBe([1, 4]);
        sheet.Rows.Select(r => r[RosterColumn.EmployeeNumber]).ShouldBe(["E001", "E002"]);
    }

    [Fact]
    public void Read_XlsxEmptySharedStringAndEmptyCells_KeepLaterCellsInPlace()
    {
        var xlsx = new XlsxBuilder();
        var empty = xlsx.Shared("Z1", "");
        xlsx.Strings(1, Header);
        xlsx.Row(2,
            xlsx.Shared("A2", "E001"),
            new Cell { CellReference = "B2", StyleIndex = XlsxBuilder.DateStyle },
            new Cell { CellReference = "C2", DataType = CellValues.SharedString, CellValue = new CellValue(0) },
            xlsx.Shared("E2", "HR"),
            new Cell { CellReference = "F2" },
            xlsx.Shared("G2", "주무관"));
        xlsx.Row(3);
        xlsx.Strings(4, "E002", "Lee");

        var sheet = TestFiles.Read(xlsx.Build());

        empty.CellReference!.Value.ShouldBe("Z1");
        sheet.Rows.Count.ShouldBe(2);
        var row = sheet.Rows[0];
        row[RosterColumn.Name].ShouldBe("");
        row[RosterColumn.Email].ShouldBe("");
        row[RosterColumn.OrgUnitCode].ShouldBe("HR");
        row[RosterColumn.Grade].ShouldBe("");
        row[RosterColumn.Position].ShouldBe("주무관");
        sheet.Rows[1].Row.ShouldBe(3);
        sheet.Rows[1][RosterColumn.Name].ShouldBe("Lee");
    }

    [Fact]
    public void Read_XlsxRichTextWithPhoneticGuide_ReadsTheRunsOnly()
    {
        var xlsx = new XlsxBuilder().Strings(1, Header);
        var rich = xlsx.Shared("B2", new SharedStringItem(
            new Run(new Text("김")),
            new Run(new Text("민준")),
            new PhoneticRun(new Text("キム")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 }));
        var inline = new Cell(new InlineString(new Run(new Text("HR")), new Run(new Text("01"))))
        {
            CellReference = "E2",
            DataType = CellValues.InlineString,
        };
        xlsx.Row(2, xlsx.Shared("A2", "E001"), rich, inline);

        var row = TestFiles.Read(xlsx.Build()).Rows.ShouldHaveSingleItem();

        row[RosterColumn.Name].ShouldBe("김민준");
        row[RosterColumn.OrgUnitCode].ShouldBe("HR01");
    }

    [Fact]
    public void Read_XlsxMissingRequiredColumn_Throws()
    {
        var xlsx = new XlsxBuilder().Strings(1, "employee_number", "name", "email", "org_unit_code", "hire_date");

        var ex = Should.Throw<RosterFileException>(() => TestFiles.Read(xlsx.Build()));

        ex.Message.ShouldBe("The file has no column \"grade\" (직급). The first row must hold the column names.");
    }

    [Fact]
    public void Read_XlsxWithoutRows_ThrowsNoHeader()
    {
        var ex = Should.Throw<RosterFileException>(() => TestFiles.Read(new XlsxBuilder().Build()));

        ex.Message.ShouldContain("first row must hold the column names");
    }

    [Fact]
    public void Read_XlsxNamedCsv_IsReadByContent()
    {
        var xlsx = new XlsxBuilder().Strings(1, Header).Strings(2, "E001", "Kim", "k@x.kr");

        var sheet = TestFiles.Read(xlsx.Build(), "roster.csv");

        sheet.Description.ShouldBe("XLSX, sheet “Sheet1”");
    }

    [Fact]
    public void Read_CorruptXlsx_ThrowsCouldNotBeRead()
    {
        var bytes = new XlsxBuilder().Strings(1, Header).Build();
        Array.Fill<byte>(bytes, 0x42, 30, bytes.Length - 60);

        var ex = Should.Throw<RosterFileException>(() => TestFiles.Read(bytes, "roster.xlsx"));

        ex.Message.ShouldStartWith("The file looks like an Excel workbook but could not be read: ");
    }

    [Fact]
    public void Read_ZipThatIsNotAWorkbook_ThrowsCouldNotBeRead()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(archive.CreateEntry("readme.txt").Open());
            writer.Write("not a workbook");
        }

        var ex = Should.Throw<RosterFileException>(() => TestFiles.Read(zip.ToArray(), "roster.xlsx"));

        ex.Message.ShouldStartWith("The file looks like an Excel workbook but could not be read: ");
    }

    private static Cell[] Cells(XlsxBuilder xlsx, uint row, params string[] texts) =>
        [.. texts.Select((text, i) => xlsx.Shared(XlsxBuilder.Reference(i, row), text))];
}
