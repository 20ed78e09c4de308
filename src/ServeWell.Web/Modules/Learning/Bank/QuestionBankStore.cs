using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Bank;

public enum BankFormat
{
    Gift,
    Xml,
}

/// <summary>Limits on what one import reads (ADR-041); section <c>Learning:Bank</c>.</summary>
public sealed class QuestionBankOptions
{
    public const string Section = "Learning:Bank";

    public long MaxImportBytes { get; set; } = 2 * 1024 * 1024;

    public int MaxImportQuestions { get; set; } = 5000;
}

/// <summary>What an import would do, or did: the categories it creates, the questions per type, and every problem.</summary>
public sealed record BankImportPreview(
    IReadOnlyList<string> NewCategories, IReadOnlyDictionary<QuestionType, int> QuestionsByType, int Questions, IReadOnlyList<ImportProblem> Problems, bool Applied);

/// <summary>
/// Reads a GIFT or Moodle XML file into the bank (all or nothing: one SaveChanges, nothing while any problem is
/// left) and writes the bank, or one category with its sub-categories, back out (ADR-041).
/// </summary>
public sealed class QuestionBankStore(ServeWellDbContext db, IOptions<QuestionBankOptions> options)
{
    public QuestionBankOptions Limits => options.Value;

    /// <summary>The format of a file: as named, else by its extension, else by whether it starts like XML.</summary>
    public static BankFormat Detect(string? format, string? fileName, ReadOnlySpan<byte> start)
    {
        if (string.Equals(format, "xml", StringComparison.OrdinalIgnoreCase)) return BankFormat.Xml;
        if (string.Equals(format, "gift", StringComparison.OrdinalIgnoreCase)) return BankFormat.Gift;
        if (fileName?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true) return BankFormat.Xml;
        var text = Encoding.UTF8.GetString(start[..Math.Min(start.Length, 64)]).TrimStart('\uFEFF', ' ', '\n', '\r', '\t');
        return text.StartsWith('<') ? BankFormat.Xml : BankFormat.Gift;
    }

    public BankReadResult Read(byte[] content, BankFormat format, string language)
    {
        if (content.LongLength > Limits.MaxImportBytes)
        {
            return new(new BankFile([], []), [ImportProblem.File("The file is larger than {0} KB, the most one import takes.", Limits.MaxImportBytes / 1024)]);
        }

        if (format == BankFormat.Xml)
        {
            return MoodleXmlReader.Read(new MemoryStream(content), language, Limits.MaxImportBytes, Limits.MaxImportQuestions);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return new(new BankFile([], []), [ImportProblem.File("The file is not UTF-8 text; save it from Moodle or an editor as UTF-8.")]);
        }

        return GiftReader.Read(text, language, Limits.MaxImportQuestions);
    }

    /// <summary>Imports <paramref name="read"/> unless it has problems or <paramref name="dryRun"/>; either way says what it would create.</summary>
    public async Task<BankImportPreview> ImportAsync(BankReadResult read, bool dryRun, string? source, CancellationToken cancellationToken)
    {
        var categories = await db.Set<QuestionCategory>().ToListAsync(cancellationToken);
        var fresh = new List<QuestionCategory>();
        QuestionCategory? Find(IReadOnlyList<LocalText> path)
        {
            QuestionCategory? parent = null;
            foreach (var name in path)
            {
                var found = categories.Concat(fresh).FirstOrDefault(c => c.Parent == parent && SameName(c.Name, name));
                if (found is null)
                {
                    found = new QuestionCategory { Name = name, Parent = parent };
                    fresh.Add(found);
                }

                parent = found;
            }

            return parent;
        }

        var questions = new List<Question>();
        foreach (var path in read.File.Categories)
        {
            Find(path);
        }

        var orphan = new List<LocalText> { LocalText.Of("Imported", "가져온 문항") };
        foreach (var q in read.File.Questions)
        {
            questions.Add(Question.From(q, Find(q.Category.Count > 0 ? q.Category : orphan)!));
        }

        var byType = read.File.Questions.GroupBy(q => q.Type).ToDictionary(g => g.Key, g => g.Count());
        var names = fresh.Select(c => PathOf(c)).ToList();
        var apply = read.Ok && !dryRun && (questions.Count > 0 || fresh.Count > 0);
        if (apply)
        {
            db.Set<QuestionCategory>().AddRange(fresh);
            db.Set<Question>().AddRange(questions);
            db.AuditEachChange = false;
            db.Audit("Import", "QuestionBank", source ?? "", null, new { categories = fresh.Count, questions = questions.Count });
            await db.SaveChangesAsync(cancellationToken);
        }

        return new(names, byType, questions.Count, read.Problems, apply);
    }

    /// <summary>The bank, or the category <paramref name="categoryId"/> and everything under it, as a file.</summary>
    public async Task<BankFile> LoadAsync(int? categoryId, CancellationToken cancellationToken)
    {
        var categories = await db.Set<QuestionCategory>().AsNoTracking().ToListAsync(cancellationToken);
        var paths = Paths(categories);
        var chosen = categoryId is { } id ? Subtree(categories, id) : [.. categories.Select(c => c.Id)];
        var questions = await db.Set<Question>().AsNoTracking().Include(q => q.Options)
            .Where(q => chosen.Contains(q.CategoryId)).OrderBy(q => q.Id).ToListAsync(cancellationToken);
        return new(
            [.. categories.Where(c => chosen.Contains(c.Id)).OrderBy(c => c.Id).Select(c => paths[c.Id])],
            [.. questions.Select(q => q.ToBank(paths[q.CategoryId]))]);
    }

    public async Task<(byte[] Content, string ContentType, string FileName)> ExportAsync(int? categoryId, BankFormat format, string language, CancellationToken cancellationToken)
    {
        var file = await LoadAsync(categoryId, cancellationToken);
        return format == BankFormat.Xml
            ? (MoodleXmlWriter.Write(file, language), "application/xml", "question-bank.xml")
            : (Encoding.UTF8.GetBytes(GiftWriter.Write(file, language)), "text/plain; charset=utf-8", "question-bank.gift.txt");
    }

    /// <summary>Each category's path of names from the top.</summary>
    public static Dictionary<int, IReadOnlyList<LocalText>> Paths(IReadOnlyList<QuestionCategory> categories)
    {
        var byId = categories.ToDictionary(c => c.Id);
        var paths = new Dictionary<int, IReadOnlyList<LocalText>>();
        foreach (var c in categories)
        {
            var path = new List<LocalText>();
            for (var at = c; at is not null && path.Count < 50; at = at.ParentId is { } p && byId.TryGetValue(p, out var up) ? up : null)
            {
                path.Insert(0, at.Name);
            }

            paths[c.Id] = path;
        }

        return paths;
    }

    public static HashSet<int> Subtree(IReadOnlyList<QuestionCategory> categories, int id)
    {
        var set = new HashSet<int> { id };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var c in categories.Where(c => c.ParentId is { } p && set.Contains(p) && !set.Contains(c.Id)))
            {
                grew = set.Add(c.Id) || grew;
            }
        }

        return set;
    }

    /// <summary>A name read from a file names an existing category when each language it has agrees (a Korean-only file finds a bilingual category).</summary>
    private static bool SameName(LocalText existing, LocalText read) =>
        !read.IsEmpty && (read.Ko.Length == 0 || read.Ko == existing.Ko) && (read.En.Length == 0 || read.En == existing.En);

    private static string PathOf(QuestionCategory c)
    {
        var names = new List<string>();
        for (var at = c; at is not null; at = at.Parent)
        {
            names.Insert(0, at.Name.Both);
        }

        return string.Join(" / ", names);
    }
}
