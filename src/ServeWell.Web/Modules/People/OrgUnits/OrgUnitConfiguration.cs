using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ServeWell.Web.Modules.People.OrgUnits;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.ToTable("org_units");
        builder.Property(u => u.Code).HasMaxLength(32);
        builder.HasIndex(u => u.Code).IsUnique();
        builder.Property(u => u.Name).HasMaxLength(200);
        builder.Property(u => u.NameEn).HasMaxLength(200);
        builder.Property(u => u.Path).HasMaxLength(400);
        builder.HasIndex(u => u.Path);
        builder.HasOne(u => u.Parent).WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrgUnitChangeConfiguration : IEntityTypeConfiguration<OrgUnitChange>
{
    public void Configure(EntityTypeBuilder<OrgUnitChange> builder)
    {
        builder.ToTable("org_unit_changes");
        builder.Property(c => c.Kind).HasMaxLength(32);
        builder.Property(c => c.From).HasMaxLength(400);
        builder.Property(c => c.To).HasMaxLength(400);
        builder.Property(c => c.By).HasMaxLength(256);
        builder.HasIndex(c => new { c.OrgUnitId, c.At });
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
