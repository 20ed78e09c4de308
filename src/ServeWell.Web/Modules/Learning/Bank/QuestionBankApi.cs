using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Learning.Bank;

public sealed record QuestionCategoryDto(int Id, int? ParentId, LocalText Name, string? Competency, int Questions);

public sealed record QuestionSummaryDto(int Id, int CategoryId, string Type, string Name, LocalText Text, string[] Languages);

public sealed record QuestionOptionDto(LocalText Text, decimal Fraction, LocalText Feedback, LocalText Match);

public sealed record QuestionDto(
    int Id, int CategoryId, string Type, string Name, LocalText Text, string Format, LocalText GeneralFeedback, bool Shuffle, bool CaseSensitive, IReadOnlyList<QuestionOptionDto> Options);

public sealed record ImportProblemDto(string Where, string Message);

public sealed record BankImportDto(bool Applied, int Questions, IReadOnlyDictionary<string, int> QuestionsByType, IReadOnlyList<string> NewCategories);

/// <summary>The question bank over HTTP (ADR-041): training officers and administrators only, like the pages.</summary>
public static class QuestionBankApi
{
    public static RouteGroupBuilder MapQuestionBankApi(this RouteGroupBuilder api)
    {
        var bank = api.MapGroup("/question-bank").RequireAuthorization(Policies.ManageTraining);
        bank.MapGet("/categories", CategoriesAsync).WithName("ListQuestionCategories")
            .WithSummary("The categories of the question bank as a tree (parentId), each with its competency code and number of questions.");
        bank.MapGet("/questions", QuestionsAsync).WithName("ListQuestions")
            .WithSummary("Questions of the bank, optionally of one category (not its sub-categories) and one type (SingleChoice, MultipleChoice, TrueFalse, ShortAnswer, Matching, Ordering).");
        bank.MapGet("/questions/{id:int}", QuestionAsync).WithName("GetQuestion")
            .WithSummary("One question with its answers, grades (fractions -1..1) and feedback per language.");
        bank.MapPost("/import", ImportAsync).WithName("ImportQuestions")
            .DisableAntiforgery() // cookie calls need X-CSRF-TOKEN (ApiAntiforgery, ADR-028), key calls nothing
            .WithSummary("Imports a Moodle GIFT or Moodle XML file (multipart field \"file\", or the raw body). format=gift|xml (else by the file name or content), language=ko|en for texts without multi-language spans, dryRun=true to only see what would be created. A file with any problem imports nothing: 400 with every problem's line or element in \"problems\".");
        bank.MapGet("/export", ExportAsync).WithName("ExportQuestions")
            .WithSummary("The bank, or one category with its sub-categories, as Moodle GIFT or Moodle XML (format=gift|xml); language=ko|en is the language written as plain text, the other as Moodle multi-language spans.");
        return api;
    }

    private static async Task<Ok<List<QuestionCategoryDto>>> CategoriesAsync(ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var counts = await db.Set<Question>().GroupBy(q => q.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, cancellationToken);
        var competencies = await db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var categories = await db.Set<QuestionCategory>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(categories.Select(c => new QuestionCategoryDto(
            c.Id, c.ParentId, c.Name, c.CompetencyId is { } k ? competencies.GetValueOrDefault(k) : null, counts.GetValueOrDefault(c.Id))).ToList());
    }

    private static async Task<Results<Ok<List<QuestionSummaryDto>>, ProblemHttpResult>> QuestionsAsync(
        [FromQuery] int? category, [FromQuery] string? type, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var query = db.Set<Question>().AsNoTracking();
        if (category is { } c) query = query.Where(q => q.CategoryId == c);
        if (type is not null)
        {
            if (!Enum.TryParse<QuestionType>(type, ignoreCase: true, out var t))
            {
                return TypedResults.Problem($"type \"{type}\" is not one of {string.Join(", ", Enum.GetNames<QuestionType>())}.", statusCode: 400, title: "Unknown question type");
            }

            query = query.Where(q => q.Type == t);
        }

        var questions = await query.OrderBy(q => q.Id).Take(5000).ToListAsync(cancellationToken);
        return TypedResults.Ok(questions.Select(q => new QuestionSummaryDto(q.Id, q.CategoryId, q.Type.ToString(), q.Name, q.Text, Languages(q.Text))).ToList());
    }

    private static async Task<Results<Ok<QuestionDto>, NotFound>> QuestionAsync(int id, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var q = await db.Set<Question>().AsNoTracking().Include(q => q.Options).FirstOrDefaultAsync(q => q.Id == id, cancellationToken);
        return q is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new QuestionDto(q.Id, q.CategoryId, q.Type.ToString(), q.Name, q.Text, q.Format.ToString(), q.GeneralFeedback, q.Shuffle, q.CaseSensitive,
                [.. q.Options.OrderBy(o => o.Position).Select(o => new QuestionOptionDto(o.Text, o.Fraction, o.Feedback, o.Match))]));
    }

    private static async Task<Results<Ok<BankImportDto>, ProblemHttpResult>> ImportAsync(
        HttpRequest request, [FromQuery] string? format, [FromQuery] string? language, [FromQuery] bool? dryRun,
        QuestionBankStore store, CancellationToken cancellationToken)
    {
        if (format is not (null or "gift" or "xml") || language is not (null or "ko" or "en"))
        {
            return TypedResults.Problem("format is gift or xml; language is ko or en.", statusCode: 400, title: "Bad parameter");
        }

        if (request.ContentLength > store.Limits.MaxImportBytes + 64 * 1024)
        {
            return TypedResults.Problem($"The file is larger than {store.Limits.MaxImportBytes / 1024} KB, the most one import takes.", statusCode: 413, title: "File too large");
        }

        string? fileName = null;
        byte[] content;
        using (var buffer = new MemoryStream())
        {
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync(cancellationToken);
                if (form.Files["file"] is not { } file)
                {
                    return TypedResults.Problem("Send the file as a multipart form field named \"file\", or as the request body.", statusCode: 400, title: "No file");
                }

                fileName = file.FileName;
                await file.CopyToAsync(buffer, cancellationToken);
            }
            else
            {
                await request.Body.CopyToAsync(buffer, cancellationToken);
            }

            content = buffer.ToArray();
        }

        var kind = QuestionBankStore.Detect(format, fileName, content);
        var read = store.Read(content, kind, language ?? "ko");
        var result = await store.ImportAsync(read, dryRun ?? false, fileName ?? kind.ToString(), cancellationToken);
        if (result.Problems.Count > 0)
        {
            return TypedResults.Problem(
                $"The file has {result.Problems.Count} problem(s); nothing was imported.", statusCode: 400, title: "The file cannot be imported",
                extensions: new Dictionary<string, object?>
                {
                    ["problems"] = result.Problems.Select(p => new ImportProblemDto(Invariant(p.Where, p.WhereArgs), Invariant(p.Why, p.WhyArgs))).ToList(),
                });
        }

        return TypedResults.Ok(new BankImportDto(result.Applied, result.Questions, result.QuestionsByType.ToDictionary(p => p.Key.ToString(), p => p.Value), result.NewCategories));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        [FromQuery] string? format, [FromQuery] int? category, [FromQuery] string? language, QuestionBankStore store, CancellationToken cancellationToken)
    {
        if (format is not (null or "gift" or "xml") || language is not (null or "ko" or "en"))
        {
            return TypedResults.Problem("format is gift or xml; language is ko or en.", statusCode: 400, title: "Bad parameter");
        }

        var (content, type, name) = await store.ExportAsync(category, format == "xml" ? BankFormat.Xml : BankFormat.Gift, language ?? "ko", cancellationToken);
        return TypedResults.File(content, type, name);
    }

    public static string[] Languages(LocalText text) => [.. new[] { ("ko", text.Ko), ("en", text.En) }.Where(x => x.Item2.Length > 0).Select(x => x.Item1)];

    private static string Invariant(string template, object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, template, args);
}
