using System.Text;
using ServeWell.Web.Modules.People.RosterImport;

namespace ServeWell.Web.Tests.Modules.People.RosterImport.Reading;

/// <summary>Builds CSV inputs in the encodings HR systems actually write.</summary>
internal static class TestFiles
{
    public const string EnglishHeader =
        "employee_number,name,email,phone,org_unit_code,grade,position,hire_date,frontline,status";

    public const string KoreanHeader = "사번,성명,이메일,전화번호,부서코드,직급,직위,입사일,민원담당,상태";

    static TestFiles() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Cp949 => Encoding.GetEncoding(949);

    public static string Lines(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    public static byte[] Utf8(string text, bool bom) =>
        bom ? [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)] : Encoding.UTF8.GetBytes(text);

    public static RosterSheet Read(byte[] bytes, string fileName = "roster.csv")
    {
        using var stream = new MemoryStream(bytes);
        return RosterFileReader.Read(stream, fileName);
    }

    public static RosterSheet ReadCsv(string text) => Read(Utf8(text, bom: false));
}
