using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Training.Competencies;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Learning.Bank;

/// <summary>A folder of the question bank; categories form a tree and may name the competency their questions test.</summary>
public sealed class QuestionCategory
{
    public int Id { get; private set; }

    public int? ParentId { get; set; }

    public QuestionCategory? Parent { get; set; }

    public required LocalText Name { get; set; }

    public int? CompetencyId { get; set; }
}

/// <summary>A question of the bank, with its answers (<see cref="QuestionOption"/>) in their order; see <see cref="BankQuestion"/>.</summary>
public sealed class Question
{
    public int Id { get; private set; }

    public int CategoryId { get; set; }

    public QuestionCategory? Category { get; set; }

    public QuestionType Type { get; set; }

    public required string Name { get; set; }

    public required LocalText Text { get; set; }

    public TextFormat Format { get; set; }

    public LocalText GeneralFeedback { get; set; } = LocalText.Empty;

    public bool Shuffle { get; set; } = true;

    public bool CaseSensitive { get; set; }

    public List<QuestionOption> Options { get; set; } = [];

    /// <summary>The question as the formats and grading see it, under the category path given.</summary>
    public BankQuestion ToBank(IReadOnlyList<LocalText> category) =>
        new(category, Type, Name, Text, Format, GeneralFeedback, Shuffle, CaseSensitive,
            [.. Options.OrderBy(o => o.Position).Select(o => new BankOption(o.Text, o.Fraction, o.Feedback, o.Match))]);

    public static Question From(BankQuestion q, QuestionCategory category) => new()
    {
        Category = category, Type = q.Type, Name = q.Name, Text = q.Text, Format = q.Format, GeneralFeedback = q.GeneralFeedback,
        Shuffle = q.Shuffle, CaseSensitive = q.CaseSensitive,
        Options = [.. q.Options.Select((o, i) => new QuestionOption { Position = i, Text = o.Text, Fraction = o.Fraction, Feedback = o.Feedback, Match = o.Match })],
    };
}

public sealed class QuestionOption
{
    public int Id { get; private set; }

    public int QuestionId { get; set; }

    public int Position { get; set; }

    public LocalText Text { get; set; } = LocalText.Empty;

    /// <summary>The share of the question's mark this answer gives, -1..1 (Moodle's fraction).</summary>
    public decimal Fraction { get; set; }

    public LocalText Feedback { get; set; } = LocalText.Empty;

    /// <summary>Matching: the answer the item matches.</summary>
    public LocalText Match { get; set; } = LocalText.Empty;
}

internal sealed class QuestionCategoryConfiguration : IEntityTypeConfiguration<QuestionCategory>
{
    public void Configure(EntityTypeBuilder<QuestionCategory> builder)
    {
        builder.ToTable("question_categories");
        builder.HasLocalText(c => c.Name, 255);
        builder.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Competency>().WithMany().HasForeignKey(c => c.CompetencyId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("questions");
        builder.Property(q => q.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(q => q.Format).HasConversion<string>().HasMaxLength(10);
        builder.Property(q => q.Name).HasMaxLength(BankRules.MaxNameLength);
        builder.HasLocalText(q => q.Text, BankRules.MaxTextLength);
        builder.HasLocalText(q => q.GeneralFeedback, BankRules.MaxTextLength);
        builder.HasOne(q => q.Category).WithMany().HasForeignKey(q => q.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(q => q.Options).WithOne().HasForeignKey(o => o.QuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(q => new { q.CategoryId, q.Type });
    }
}

internal sealed class QuestionOptionConfiguration : IEntityTypeConfiguration<QuestionOption>
{
    public void Configure(EntityTypeBuilder<QuestionOption> builder)
    {
        builder.ToTable("question_options");
        builder.Property(o => o.Fraction).HasPrecision(9, 7);
        builder.HasLocalText(o => o.Text, BankRules.MaxOptionLength);
        builder.HasLocalText(o => o.Feedback, BankRules.MaxOptionLength);
        builder.HasLocalText(o => o.Match, BankRules.MaxOptionLength);
        builder.HasIndex(o => new { o.QuestionId, o.Position }).IsUnique();
    }
}
