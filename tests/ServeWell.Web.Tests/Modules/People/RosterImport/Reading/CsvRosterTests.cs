using System.Text;
using Shouldly;
using ServeWell.Web.Modules.People.RosterImport;

namespace ServeWell.Web.Tests.Modules.People.RosterImport.Reading;

public class CsvRosterTests
{
    private const string KimRow = "E001,김민준,minjun.kim@city.go.kr,010-1234-5678,HR01,7급,주무관,2023-03-15,Y,재직";

    [Fact]
    public void Read_Utf8WithBom_ReadsRowsAndDescribesUtf8()
    {
        var sheet = TestFiles.Read(TestFiles.Utf8(TestFiles.Lines(TestFiles.EnglishHeader, KimRow), bom: true));

        sheet.Description.ShouldBe("CSV, UTF-8, comma-separated");
        sheet.Headers[RosterColumn.EmployeeNumber].ShouldBe("employee_number");
        var row = sheet.Rows.ShouldHaveSingleItem();
        row.Row.ShouldBe(1);
        row[RosterColumn.EmployeeNumber].ShouldBe("E001");
        row[RosterColumn.Name].ShouldBe("김민준");
        row[RosterColumn.HireDate].ShouldBe("2023-03-15");
        row[RosterColumn.Status].ShouldBe("재직");
        row.Values.Length.ShouldBe(Enum.GetValues<RosterColumn>().Length);
    }

    [Fact]
    public void Read_Utf8WithoutBom_ReadsKoreanValues()
    {
        var sheet = TestFiles.Read(TestFiles.Utf8(TestFiles.Lines(TestFiles.EnglishHeader, KimRow), bom: false));

        sheet.Description.ShouldBe("CSV, UTF-8, comma-separated");
        sheet.Rows.ShouldHaveSingleItem()[RosterColumn.Position].ShouldBe("주무관");
    }

    [Fact]
    public void Read_Cp949WithKoreanHeaders_DecodesAsCp949()
    {
        var bytes = TestFiles.Cp949.GetBytes(TestFiles.Lines(TestFiles.KoreanHeader, KimRow));

        var sheet = TestFiles.Read(bytes);

        sheet.Description.ShouldBe("CSV, CP949 (Korean Excel), comma-separated");
        sheet.Headers[RosterColumn.Name].ShouldBe("성명");
        var row = sheet.Rows.ShouldHaveSingleItem();
        row[RosterColumn.Name].ShouldBe("김민준");
        row[RosterColumn.Grade].ShouldBe("7급");
        row[RosterColumn.Frontline].ShouldBe("Y");
    }

    [Fact]
    public void Read_Utf16WithBom_ReadsRows()
    {
        var text = TestFiles.Lines(TestFiles.KoreanHeader.Replace(',', '\t'), KimRow.Replace(',', '\t'));
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)];

        var sheet = TestFiles.Read(bytes);

        sheet.Description.ShouldBe("CSV, UTF-16, tab-separated");
        sheet.Rows.ShouldHaveSingleItem()[RosterColumn.Email].ShouldBe("minjun.kim@city.go.kr");
    }

    [Fact]
    public void Read_SemicolonDelimited_DetectsSemicolon()
    {
        var sheet = TestFiles.ReadCsv(TestFiles.Lines(
            TestFiles.EnglishHeader.Replace(',', ';'),
            "E002;\"Santos, Maria\";maria.santos@quezoncity.gov.ph;;QC-HR;SG-11;Clerk;2021-06-01;no;active"));

        sheet.Description.ShouldBe("CSV, UTF-8, semicolon-separated");
        var row = sheet.Rows.ShouldHaveSingleItem();
        row[RosterColumn.Name].ShouldBe("Santos, Maria");
        row[RosterColumn.Phone].ShouldBe("");
        row[RosterColumn.OrgUnitCode].ShouldBe("QC-HR");
    }

    [Fact]
    public void Read_Cp949TabDelimited_DetectsBoth()
    {
        var bytes = TestFiles.Cp949.GetBytes(TestFiles.Lines(
            TestFiles.KoreanHeader.Replace(',', '\t'),
            KimRow.Replace(',', '\t')));

        var sheet = TestFiles.Read(bytes);

        sheet.Description.ShouldBe("CSV, CP949 (Korean Excel), tab-separated");
        sheet.Rows.ShouldHaveSingleItem()[RosterColumn.OrgUnitCode].ShouldBe("HR01");
    }

    [Fact]
    public void Read_QuotedFieldsWithCommasQuotesAndLineBreaks_KeepsTextAndCountsRecords()
    {
        var sheet = TestFiles.ReadCsv(TestFiles.Lines(
            TestFiles.EnglishHeader,
            "E001,\"Dela Cruz, Juan \"\"JD\"\"\",juan@manila.gov.ph,,MNL-01,SG-9,\"Clerk\nRecords\r\nSection\",2020-01-02,,",
            "E002,Ana Reyes,ana@manila.gov.ph,,MNL-01,SG-9,Clerk,2020-01-03,,"));

        sheet.Rows.Count.ShouldBe(2);
        sheet.Rows[0][RosterColumn.Name].ShouldBe("Dela Cruz, Juan \"JD\"");
        sheet.Rows[0][RosterColumn.Position].ShouldBe("Clerk\nRecords\r\nSection");
        sheet.Rows[1].Row.ShouldBe(2);
        sheet.Rows[1][RosterColumn.Name].ShouldBe("Ana Reyes");
    }

    [Fact]
    public void Read_DelimiterInsideQuotedHeader_IsNotCounted()
    {
        var sheet = TestFiles.ReadCsv(TestFiles.Lines(
            "\"employee_number\";name;email;\"org_unit_code, or department, code\";org_unit_code;grade;hire_date",
            "E1;A;a@x.kr;x;HR;7;2024-01-01"));

        sheet.Description.ShouldEndWith("semicolon-separated");
        sheet.IgnoredColumns.ShouldBe(["org_unit_code, or department, code"]);
    }

    [Fact]
    public void Read_ExcelSeparatorHint_IsHonouredAndNotCounted()
    {
        var sheet = TestFiles.ReadCsv(TestFiles.Lines(
            "sep=;",
            "employee_number;name;email;org_unit_code;grade;hire_date",
            "E1;\"Kim, A\";a@x.kr;HR;7;2024-01-01"));

        sheet.Description.ShouldBe("CSV, UTF-8, semicolon-separated");
        var row = sheet.Rows.ShouldHaveSingleItem();
        row.Row.ShouldBe(1);
        row[RosterColumn.Name].ShouldBe("Kim, A");
    }

    [Fact]
    public void Read_KoreanHeadersWithAlias_MapsToColumns()
    {
        var sheet = TestFiles.ReadCsv(TestFiles.Lines(
            "사번,이름,이메일,부서코드,직급,입사일",
            "E001,이서연,seoyeon@city.go.kr,HR01,6급,2019-09-01"));

        sheet.Headers[RosterColumn.Name].ShouldBe("이름");
        var row = sheet.Rows.ShouldHaveSingleItem();
        row[RosterColumn.Name].ShouldBe("이서연");
        row[RosterColumn.HireDate].ShouldBe("2019-09-01");
    }

    [Fact]
    public void Read_HeaderSpellingVariants_MapsToColumns()
    {
        var sheet = TestFiles.ReadCsv(TestFiles.Lines(
            "Employee Number, NAME ,E-mail,Org-Unit-Code,Grade,hire  date,Frontline",
            "E001,Maria,maria@x.ph,QC,SG-1,2020-01-01,yes"));

        sheet.Headers.Keys.ShouldBe(
            [RosterColumn.EmployeeNumber, RosterColumn.Name, RosterColumn.Email, RosterColumn.OrgUnitCode,
             RosterColumn.Grade, RosterColumn.HireDate, RosterColumn.Frontline],
            ignoreOrder: true);
        sheet.Headers[RosterColumn.EmployeeNumber].ShouldBe("Employee Number");
        sheet.Rows.ShouldHaveSingleItem()[RosterColumn.Frontline].ShouldBe("yes");
    }

    [Fact]
    public void Read_UnknownColumns_AreIgnoredAndReported()
    {
        var sheet = TestFiles.ReadCsv(TestFiles.Lines(
            "employee_number,name,비고,email,org_unit_code,grade,hire_date,Birth Date,",
            "E001,Kim,메모,kim@x.kr,HR,7,2020-01-01,1990-01-01,"));

        sheet.IgnoredColumns.ShouldBe(["비고", "Birth Date"]);
        var row = sheet.Rows.ShouldHaveSingleItem();
        row[RosterColumn.Email].ShouldBe("kim@x.kr");
        row[RosterColumn.Phone].ShouldBeNull();
        row[RosterColumn.Status].ShouldBeNull();
    }

    [Fact]
    public void Read_ValuesAndShortRecords_AreTrimmedAndFilledWithEmpty()
    {
        var sheet = TestFiles.ReadCsv(TestFiles.Lines(
            TestFiles.EnglishHeader,
            "  E001 ,\u3000김민준\u3000,kim@x.kr,,HR"));

        var row = sheet.Rows.ShouldHaveSingleItem();
        row[RosterColumn.EmployeeNumber].ShouldBe("E001");
        row[RosterColumn.Name].ShouldBe("김민준");
        row[RosterColumn.Phone].ShouldBe("");
        row[RosterColumn.HireDate].ShouldBe("");
        row[RosterColumn.Status].ShouldBe("");
    }

    [Fact]
    public void Read_DuplicateHeader_ThrowsNamingIt()
    {
        var ex = Should.Throw<RosterFileException>(() => TestFiles.ReadCsv(TestFiles.Lines(
            "employee_number,name,email,이메일,org_unit_code,grade,hire_date",
            "E001,Kim,a@x.kr,b@x.kr,HR,7,2020-01-01")));

        ex.Message.ShouldContain("\"email\" (이메일)");
        ex.Message.ShouldContain("twice");
        ex.Message.ShouldContain("\"이메일\"");
    }

    [Fact]
    public void Read_MissingRequiredColumn_ThrowsWithBothNames()
    {
        var ex = Should.Throw<RosterFileException>(() => TestFiles.ReadCsv(TestFiles.Lines(
            "employee_number,name,email,org_unit_code,grade",
            "E001,Kim,a@x.kr,HR,7")));

        ex.Message.ShouldBe("The file has no column \"hire_date\" (입사일). The first row must hold the column names.");
    }

    [Fact]
    public void Read_SeveralRequiredColumnsMissing_ListsThemAll()
    {
        var ex = Should.Throw<RosterFileException>(() => TestFiles.ReadCsv(TestFiles.Lines(
            "employee_number,name,email,org_unit_code",
            "E001,Kim,a@x.kr,HR")));

        ex.Message.ShouldBe(
            "The file has no columns \"grade\" (직급) and \"hire_date\" (입사일). The first row must hold the column names.");
    }

    [Fact]
    public void Read_EmptyFile_Throws()
    {
        var ex = Should.Throw<RosterFileException>(() => TestFiles.Read([]));

        ex.Message.ShouldContain("empty");
    }

    [Fact]
    public void Read_OnlyBlankLines_ThrowsNoHeader()
    {
        var ex = Should.Throw<RosterFileException>(() => TestFiles.ReadCsv("\r\n,,,\r\n\r\n"));

        ex.Message.ShouldContain("first row must hold the column names");
    }

    [Fact]
    public void Read_HeaderOnly_ReturnsNoRows()
    {
        var sheet = TestFiles.ReadCsv(TestFiles.Lines(TestFiles.EnglishHeader));

        sheet.Rows.ShouldBeEmpty();
        sheet.Headers.Count.ShouldBe(10);
    }

    [Fact]
    public void Read_BlankRecords_AreSkippedButRowNumbersKeepCounting()
    {
        var sheet = TestFiles.ReadCsv(TestFiles.Lines(
            TestFiles.EnglishHeader,
            "E001,A,a@x.kr,,HR,7,,2020-01-01,,",
            ",,,,,,,,,",
            "",
            "E004,\"B\nsecond line\",b@x.kr,,HR,7,,2020-01-01,,",
            " , ,",
            "E006,C,c@x.kr,,HR,7,,2020-01-01,,"));

        sheet.Rows.Select(r => r.Row).ShouldBe([1, 4, 6]);
        sheet.Rows.Select(r => r[RosterColumn.EmployeeNumber]).ShouldBe(["E001", "E004", "E006"]);
    }

    [Fact]
    public void Read_NoTrailingLineBreak_ReadsLastRecord()
    {
        var sheet = TestFiles.ReadCsv(TestFiles.EnglishHeader + "\n" + KimRow);

        sheet.Rows.ShouldHaveSingleItem()[RosterColumn.Status].ShouldBe("재직");
    }

    [Fact]
    public void Read_CsvNamedXlsx_IsReadByContent()
    {
        var sheet = TestFiles.Read(TestFiles.Utf8(TestFiles.Lines(TestFiles.EnglishHeader, KimRow), bom: false), "roster.xlsx");

        sheet.Description.ShouldStartWith("CSV");
    }

    [Fact]
    public void Read_LegacyXlsWorkbook_ThrowsAskingForXlsxOrCsv()
    {
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        var ex = Should.Throw<RosterFileException>(() => TestFiles.Read(bytes, "roster.xls"));

        ex.Message.ShouldContain("roster.xls");
        ex.Message.ShouldContain(".xlsx");
    }

    [Fact]
    public void Read_BinaryFile_ThrowsNotCsvOrXlsx()
    {
        byte[] bytes = [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xFF, 0x00];

        var ex = Should.Throw<RosterFileException>(() => TestFiles.Read(bytes, "roster.pdf"));

        ex.Message.ShouldContain("neither a CSV file nor an Excel");
    }

    [Fact]
    public void Read_100000Rows_ReadsEveryRow()
    {
        var text = new StringBuilder(TestFiles.EnglishHeader).Append("\r\n");
        for (var i = 1; i <= 100_000; i++)
        {
            text.Append("E").Append(i).Append(",Name ").Append(i).Append(",user").Append(i)
                .Append("@city.go.kr,010-0000-0000,HR01,7급,주무관,2023-03-15,Y,재직\r\n");
        }

        var sheet = TestFiles.ReadCsv(text.ToString());

        sheet.Rows.Count.ShouldBe(100_000);
        sheet.Rows[^1].Row.ShouldBe(100_000);
        sheet.Rows[^1][RosterColumn.EmployeeNumber].ShouldBe("E100000");
    }
}
