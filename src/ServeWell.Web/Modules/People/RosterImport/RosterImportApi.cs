using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.People.RosterImport;

public sealed record RosterImportJobDto(Guid Id, string FileName, string Status, string? Phase, int Done, int Total, string? FailureMessage, RosterImportResult? Result);

public static class RosterImportApi
{
    public static RouteGroupBuilder MapRosterImportApi(this RouteGroupBuilder api)
    {
        api.MapPost("/employees/import", ImportAsync)
            .RequireAuthorization(Policies.ManageEmployees)
            .DisableAntiforgery() // form tokens are not used here: cookie calls need X-CSRF-TOKEN (ApiAntiforgery, ADR-028), key calls nothing
            .WithMetadata(new RequestSizeLimitAttribute(1L * 1024 * 1024 * 1024))
            .WithName("ImportEmployees")
            .WithSummary("Import a roster file (CSV or XLSX). dryRun=true (the default) only reports what would change.");
        api.MapGet("/employees/imports/{id:guid}", StatusAsync)
            .RequireAuthorization(Policies.ManageEmployees)
            .WithName("GetRosterImport")
            .WithSummary("Where a roster import started on the import page stands, with its live progress.");
        return api;
    }

    private static async Task<Results<Ok<RosterImportResult>, ProblemHttpResult>> ImportAsync(
        IFormFile? file, [FromQuery] bool? dryRun, [FromQuery] bool? skipInvalidRows, [FromQuery] bool? markMissingAsLeft,
        RosterImporter importer, IOptions<UploadOptions> uploads, IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return TypedResults.Problem("Send the roster as a multipart form field named \"file\" (CSV or XLSX).", statusCode: StatusCodes.Status400BadRequest, title: "No file");
        }

        if (file.Length > uploads.Value.MaxRosterBytes)
        {
            return TypedResults.Problem(
                $"The file is {file.Length / 1024.0 / 1024.0:F1} MB; the limit is {uploads.Value.MaxRosterBytes / 1024.0 / 1024.0:F1} MB (setting Uploads:MaxRosterBytes).",
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large");
        }

        RosterSheet sheet;
        try
        {
            await using var stream = file.OpenReadStream();
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            sheet = RosterFileReader.Read(buffer, file.FileName, cancellationToken);
        }
        catch (RosterFileException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "The file cannot be read");
        }

        var options = new RosterImportOptions(dryRun ?? true, skipInvalidRows ?? false, markMissingAsLeft ?? false);
        var result = await importer.RunAsync(sheet, options, null, cancellationToken);
        if (result.Applied)
        {
            await services.NotifyRosterChangedAsync(loggers.CreateLogger(typeof(RosterImportApi)), cancellationToken);
        }

        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<RosterImportJobDto>, NotFound>> StatusAsync(
        Guid id, ServeWellDbContext db, RosterImportProgress live, CancellationToken cancellationToken)
    {
        var job = await db.RosterImportJobs.AsNoTracking()
            .Where(j => j.Id == id)
            .Select(j => new { j.Id, j.FileName, j.Status, j.TotalRows, j.ProcessedRows, j.FailureMessage, j.ResultJson })
            .FirstOrDefaultAsync(cancellationToken);
        if (job is null)
        {
            return TypedResults.NotFound();
        }

        var progress = await live.GetAsync(id);
        // While it runs, the page polls often; the (possibly large) result of the previous step is not sent then.
        var running = job.Status is RosterImportStatus.Queued or RosterImportStatus.Checking or RosterImportStatus.Applying;
        var result = running || job.ResultJson is null ? null : JsonSerializer.Deserialize<RosterImportResult>(job.ResultJson, RosterImportQueue.Json);
        return TypedResults.Ok(new RosterImportJobDto(job.Id, job.FileName, job.Status.ToString(), progress?.Phase.ToString(),
            progress?.Done ?? job.ProcessedRows, progress?.Total ?? job.TotalRows, job.FailureMessage, result));
    }
}
