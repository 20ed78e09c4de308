using System.Diagnostics;

namespace ServeWell.Web.Tests.Modules.Training.Record;

/// <summary>Real clients read what the app makes: pdftotext and pdftoppm (poppler-utils) a PDF, zbarimg (zbar-tools) a QR code.</summary>
public static class ExternalTools
{
    public static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start (scripts/test.sh installs it).");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        process.ExitCode.ShouldBe(0, $"{program} {string.Join(' ', arguments)}: {await error}");
        return await output;
    }

    /// <summary>The text of a PDF, in reading order.</summary>
    public static async Task<string> PdfTextAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"servewell-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            return await RunAsync("pdftotext", "-layout", file, "-");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The raster images embedded in a PDF, as <c>pdfimages -list</c> lists them (one line each, after its two header lines).</summary>
    public static async Task<IReadOnlyList<string>> PdfImagesAsync(byte[] pdf)
    {
        var file = Path.Combine(Path.GetTempPath(), $"servewell-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(file, pdf);
        try
        {
            var lines = (await RunAsync("pdfimages", "-list", file)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return [.. lines.Skip(2)];
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Every QR code zbarimg finds on the PDF's first page, rendered at 150 dpi.</summary>
    public static async Task<IReadOnlyList<string>> QrCodesAsync(byte[] pdf)
    {
        var stem = Path.Combine(Path.GetTempPath(), $"servewell-{Guid.NewGuid():N}");
        await File.WriteAllBytesAsync(stem + ".pdf", pdf);
        try
        {
            await RunAsync("pdftoppm", "-r", "150", "-png", "-singlefile", stem + ".pdf", stem);
            var output = await RunAsync("zbarimg", "--quiet", "--raw", stem + ".png");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        finally
        {
            File.Delete(stem + ".pdf");
            File.Delete(stem + ".png");
        }
    }
}
