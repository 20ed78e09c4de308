using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.People.Grades;

public enum SeniorEnd
{
    /// <summary>The lowest number is the most senior grade (Korea: grade 1 is the top).</summary>
    Lowest = 0,

    /// <summary>The highest number is the most senior grade (Philippine salary grades, Nigerian grade levels).</summary>
    Highest = 1,
}

/// <summary>
/// The grade scale of the organisation. Everything that speaks of grade speaks in seniority:
/// "grade 6 and below" means the people an official of that country would mean.
/// </summary>
public sealed class GradeScale : IAudited
{
    public int Id { get; private set; }

    public required string Name { get; set; }

    public int Lowest { get; set; }

    public int Highest { get; set; }

    public SeniorEnd SeniorEnd { get; set; }

    /// <summary>How a grade reads, with {0} for the number: "{0}급" or "SG {0}".</summary>
    public string Label { get; set; } = "{0}";

    string IAudited.AuditKey => Name;

    public bool Contains(int grade) => grade >= Lowest && grade <= Highest;

    public string Format(int grade) => string.Format(System.Globalization.CultureInfo.CurrentCulture, Label, grade);

    /// <summary>Grades from the most senior to the most junior.</summary>
    public IEnumerable<int> BySeniority() =>
        SeniorEnd == SeniorEnd.Lowest ? Enumerable.Range(Lowest, Highest - Lowest + 1) : Enumerable.Range(Lowest, Highest - Lowest + 1).Reverse();

    /// <summary>
    /// Turns "at or above grade X" (as senior as X or more) and "at or below grade Y" (as junior as Y or more)
    /// into the numeric range to filter on.
    /// </summary>
    public (int Min, int Max) NumericRange(int? atOrAbove, int? atOrBelow)
    {
        int min = Lowest, max = Highest;
        if (SeniorEnd == SeniorEnd.Lowest)
        {
            // Seniority grows as the number falls: at or above 5 → 1..5; at or below 6 → 6..9.
            if (atOrAbove is { } above) max = Math.Min(max, above);
            if (atOrBelow is { } below) min = Math.Max(min, below);
        }
        else
        {
            if (atOrAbove is { } above) min = Math.Max(min, above);
            if (atOrBelow is { } below) max = Math.Min(max, below);
        }

        return (min, max);
    }

    public static GradeScale Korean() => new() { Name = "Korean civil service grades (1–9)", Lowest = 1, Highest = 9, SeniorEnd = SeniorEnd.Lowest, Label = "{0}급" };
}

public static class GradeScales
{
    /// <summary>The organisation's grade scale; the Korean one until an administrator sets another.</summary>
    public static async Task<GradeScale> CurrentAsync(this DbSet<GradeScale> scales, CancellationToken cancellationToken) =>
        await scales.AsNoTracking().FirstOrDefaultAsync(cancellationToken) ?? GradeScale.Korean();
}

internal sealed class GradeScaleConfiguration : IEntityTypeConfiguration<GradeScale>
{
    public void Configure(EntityTypeBuilder<GradeScale> builder)
    {
        builder.ToTable("grade_scales");
        builder.Property(g => g.Name).HasMaxLength(120);
        builder.Property(g => g.Label).HasMaxLength(40);
    }
}
