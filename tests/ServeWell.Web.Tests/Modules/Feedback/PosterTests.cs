using System.Diagnostics;
using System.Net;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Feedback;

/// <summary>Posters read back with real clients: pdftotext for the bilingual text, pdftoppm + zbarimg for the QR code.</summary>
public abstract class PosterTests(FeedbackApp app)
{
    [Theory]
    [InlineData("a4")]
    [InlineData("tent")]
    public async Task Poster_IsBilingualAndItsQrOpensTheSurvey(string format)
    {
        var touchpoint = await app.CreateTouchpointAsync();
        using var api = app.ApiClient();

        using var response = await api.GetAsync($"/api/v1/touchpoints/{touchpoint.Code}/poster.pdf?format={format}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK, response.StatusCode == HttpStatusCode.OK ? "" : await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var folder = Directory.CreateTempSubdirectory("servewell-poster-").FullName;
        try
        {
            var pdf = Path.Combine(folder, "poster.pdf");
            await File.WriteAllBytesAsync(pdf, await response.Content.ReadAsByteArrayAsync());
            var text = await RunAsync("pdftotext", "-layout", pdf, "-");
            text.ShouldContain("오늘 서비스는 어떠셨나요?");
            text.ShouldContain("How did we do?");
            text.ShouldContain("원효동 행정복지센터");
            text.ShouldContain("Wonhyo-dong Community Service Centre");
            var url = "http://localhost/f/" + touchpoint.Code;
            text.ShouldContain(url);

            await RunAsync("pdftoppm", "-r", "100", "-png", "-singlefile", pdf, Path.Combine(folder, "poster"));
            var decoded = await RunAsync("zbarimg", "--quiet", "--raw", Path.Combine(folder, "poster.png"));
            // The table tent carries the face twice (top and bottom half), so both codes must open the survey.
            decoded.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ShouldBe(format == "a4" ? [url] : [url, url]);
        }
        finally
        {
            TempFolder.TryDelete(folder);
        }
    }

    [Fact]
    public async Task Poster_OutsideTheSupervisorsScopeOrUnknown_Answers404_AndABadFormat400()
    {
        var other = await app.CreateTouchpointAsync(unitCode: "C-JUNGANG");
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);
        using var api = app.ApiClient();

        (await supervisor.GetAsync($"/api/v1/touchpoints/{other.Code}/poster.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync("/api/v1/touchpoints/zzzzzzzzzzzzzzzz/poster.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await api.GetAsync($"/api/v1/touchpoints/{other.Code}/poster.pdf?format=a0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (apt-get install poppler-utils zbar-tools).");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, $"{tool} failed: {error}");
        return output;
    }
}

public sealed class PosterSqliteTests(FeedbackSqliteApp app) : PosterTests(app), IClassFixture<FeedbackSqliteApp>;

public sealed class PosterPostgresTests(FeedbackPostgresApp app) : PosterTests(app), IClassFixture<FeedbackPostgresApp>;
