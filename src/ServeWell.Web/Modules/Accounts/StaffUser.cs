using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Audit;

namespace ServeWell.Web.Modules.Accounts;

/// <summary>A staff member's sign-in account.</summary>
public sealed class StaffUser : IdentityUser, IAudited
{
    public string DisplayName { get; set; } = "";

    /// <summary>"en" or "ko"; null follows the browser.</summary>
    public string? PreferredCulture { get; set; }

    /// <summary>For supervisors and leadership: the org unit whose subtree they may see.</summary>
    public int? ScopeOrgUnitId { get; set; }

    public OrgUnit? ScopeOrgUnit { get; set; }

    /// <summary>The employee record this account belongs to, where there is one.</summary>
    public int? EmployeeId { get; set; }

    public Employee? Employee { get; set; }

    public DateTime CreatedAt { get; set; }

    string IAudited.AuditKey => Email ?? UserName ?? Id;
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(120);
        builder.Property(u => u.PreferredCulture).HasMaxLength(10);
        builder.HasOne(u => u.ScopeOrgUnit).WithMany().HasForeignKey(u => u.ScopeOrgUnitId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(u => u.Employee).WithMany().HasForeignKey(u => u.EmployeeId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(u => u.EmployeeId);
    }
}
