using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.FollowUps.RootCauses;

/// <summary>Why a citizen was unhappy, as the handler found it when resolving the case (waiting time, staff attitude…).</summary>
public sealed class RootCause : IAudited
{
    public int Id { get; private set; }

    /// <summary>A stable key for the API ("waiting-time").</summary>
    public required string Code { get; set; }

    public required string NameEn { get; set; }

    public required string NameKo { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Inactive causes stay on the cases resolved with them but cannot be chosen any more.</summary>
    public bool IsActive { get; set; } = true;

    string IAudited.AuditKey => Code;

    public string DisplayName(bool english) => english ? NameEn : NameKo;
}

internal sealed class RootCauseConfiguration : IEntityTypeConfiguration<RootCause>
{
    public void Configure(EntityTypeBuilder<RootCause> builder)
    {
        builder.ToTable("follow_up_root_causes");
        builder.Property(c => c.Code).HasMaxLength(40);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameEn).HasMaxLength(120);
        builder.Property(c => c.NameKo).HasMaxLength(120);
    }
}
