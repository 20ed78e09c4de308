using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Feedback.Services;

/// <summary>A service the city offers citizens (resident registration, business permits…), rated through touchpoints.</summary>
public sealed class PublicService : IAudited
{
    public int Id { get; private set; }

    /// <summary>A stable key for the API and for seeding ("business-permits").</summary>
    public required string Code { get; set; }

    public required string NameEn { get; set; }

    public required string NameKo { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>The offices that offer the service.</summary>
    public List<ServiceOffice> Offices { get; private set; } = [];

    string IAudited.AuditKey => Code;

    public string DisplayName(bool english) => english ? NameEn : NameKo;
}

/// <summary>One office offering one service.</summary>
public sealed class ServiceOffice
{
    public int ServiceId { get; set; }

    public int OrgUnitId { get; set; }
}

internal sealed class PublicServiceConfiguration : IEntityTypeConfiguration<PublicService>
{
    public void Configure(EntityTypeBuilder<PublicService> builder)
    {
        builder.ToTable("public_services");
        builder.Property(s => s.Code).HasMaxLength(40);
        builder.HasIndex(s => s.Code).IsUnique();
        builder.Property(s => s.NameEn).HasMaxLength(120);
        builder.Property(s => s.NameKo).HasMaxLength(120);
        builder.HasMany(s => s.Offices).WithOne().HasForeignKey(o => o.ServiceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ServiceOfficeConfiguration : IEntityTypeConfiguration<ServiceOffice>
{
    public void Configure(EntityTypeBuilder<ServiceOffice> builder)
    {
        builder.ToTable("service_offices");
        builder.HasKey(o => new { o.ServiceId, o.OrgUnitId });
        builder.HasIndex(o => o.OrgUnitId);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(o => o.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
