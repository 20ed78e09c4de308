using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ServeWell.Web.Modules.People.RosterImport;

namespace ServeWell.Web.Tests.Fixtures;

/// <summary>Builds roster files in the test and sends them to POST /api/v1/employees/import.</summary>
public static class RosterFile
{
    public static readonly string[] Header = ["employee_number", "name", "email", "org_unit_code", "grade", "hire_date", "status"];

    /// <summary>A valid row for a new employee with a unique number.</summary>
    public static string[] Row(string? number = null, string unit = "C-WONHYO", string grade = "8", string hireDate = "2018-03-02", string? name = null)
    {
        number ??= TestData.Unique("R");
        return [number, name ?? "Roster " + number, number.ToLowerInvariant() + "@roster.example", unit, grade, hireDate, "active"];
    }

    public static byte[] Csv(IEnumerable<string[]> rows, string[]? header = null, Encoding? encoding = null)
    {
        var text = new StringBuilder();
        foreach (var line in new[] { header ?? Header }.Concat(rows))
        {
            text.Append(string.Join(',', line.Select(Quote))).Append("\r\n");
        }

        return (encoding ?? new UTF8Encoding(false)).GetBytes(text.ToString());
    }

    public static async Task<HttpResponseMessage> PostAsync(
        this HttpClient api, byte[] file, bool dryRun, bool skipInvalidRows = false, bool markMissingAsLeft = false, string fileName = "roster.csv")
    {
        using var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "text/csv");
        content.Add(part, "file", fileName);
        var query = string.Create(CultureInfo.InvariantCulture,
            $"dryRun={Lower(dryRun)}&skipInvalidRows={Lower(skipInvalidRows)}&markMissingAsLeft={Lower(markMissingAsLeft)}");
        return await api.PostAsync("/api/v1/employees/import?" + query, content);
    }

    public static async Task<RosterImportResult> ImportAsync(
        this HttpClient api, byte[] file, bool dryRun, bool skipInvalidRows = false, bool markMissingAsLeft = false, string fileName = "roster.csv")
    {
        using var response = await api.PostAsync(file, dryRun, skipInvalidRows, markMissingAsLeft, fileName);
        return await response.ReadOkAsync<RosterImportResult>();
    }

    private static string Lower(bool value) => value ? "true" : "false";

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
