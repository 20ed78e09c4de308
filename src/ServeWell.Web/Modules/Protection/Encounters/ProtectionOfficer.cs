using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.People.OrgUnits;

namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>
/// An account designated protection officer for an org unit and everything below it (ADR-059): a designation, not a
/// role, so that any employee can carry it beside their own role and it follows the org tree like a supervisor's scope.
/// </summary>
public sealed class ProtectionOfficer
{
    public int Id { get; private set; }

    public required string UserId { get; init; }

    public int OrgUnitId { get; init; }

    public OrgUnit? OrgUnit { get; private set; }

    public DateTime DesignatedAtUtc { get; init; }
}

internal sealed class ProtectionOfficerConfiguration : IEntityTypeConfiguration<ProtectionOfficer>
{
    public void Configure(EntityTypeBuilder<ProtectionOfficer> builder)
    {
        builder.ToTable("protection_officers");
        builder.Property(o => o.UserId).HasMaxLength(64);
        builder.HasOne<StaffUser>().WithMany().HasForeignKey(o => o.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.OrgUnit).WithMany().HasForeignKey(o => o.OrgUnitId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.UserId, o.OrgUnitId }).IsUnique();
    }
}
