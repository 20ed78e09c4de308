using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Modules.Feedback.Services;
using ServeWell.Web.Modules.Feedback.Surveys;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Feedback.Touchpoints;

public enum TouchpointKind
{
    Counter = 0,
    ServiceWindow = 1,
    EmployeeBadge = 2,
    Kiosk = 3,
    PostTransactionLink = 4,
    Website = 5,
}

/// <summary>How an answer reached us, derived from the kind of touchpoint it came through.</summary>
public enum FeedbackChannel
{
    CounterQr = 0,
    Kiosk = 1,
    Link = 2,
    Website = 3,
}

/// <summary>
/// Where feedback comes from: a counter, a window, a badge, a kiosk, a link, the website. Citizens reach it by
/// its current public <see cref="Code"/>; answers point at the touchpoint, not the code, so a rotated code keeps
/// every past answer (ADR-011).
/// </summary>
public sealed class Touchpoint : IAudited
{
    public int Id { get; private set; }

    public TouchpointKind Kind { get; set; }

    /// <summary>What staff call it ("Counter 3", "Main entrance kiosk").</summary>
    public required LocalText Label { get; set; }

    public int OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; private set; }

    public int? ServiceId { get; set; }

    public PublicService? Service { get; private set; }

    /// <summary>The employee whose badge carries the code (employee-badge touchpoints only).</summary>
    public int? EmployeeId { get; set; }

    public Employee? Employee { get; private set; }

    /// <summary>The survey it asks; null asks the standard survey (<see cref="SurveyDefinition.DefaultId"/>).</summary>
    public int? SurveyDefinitionId { get; set; }

    public SurveyDefinition? SurveyDefinition { get; private set; }

    /// <summary>The current public code: unguessable, printed on posters, in the short URL /f/{code}.</summary>
    public required string Code { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>Set when the touchpoint no longer takes answers; its past answers stay.</summary>
    public DateTime? RetiredAt { get; set; }

    public bool IsActive => RetiredAt is null;

    string IAudited.AuditKey => Label.Both;

    public FeedbackChannel Channel => ChannelOf(Kind);

    public static FeedbackChannel ChannelOf(TouchpointKind kind) => kind switch
    {
        TouchpointKind.Kiosk => FeedbackChannel.Kiosk,
        TouchpointKind.PostTransactionLink => FeedbackChannel.Link,
        TouchpointKind.Website => FeedbackChannel.Website,
        _ => FeedbackChannel.CounterQr,
    };

    public static string PublicPath(string code) => "/f/" + code;
}

/// <summary>A code a touchpoint used before it was rotated. Kept so the code is never issued again and its page can say it is no longer used.</summary>
public sealed class RetiredTouchpointCode
{
    public int Id { get; private set; }

    public int TouchpointId { get; set; }

    public required string Code { get; set; }

    public DateTime RetiredAt { get; set; }
}

internal sealed class TouchpointConfiguration : IEntityTypeConfiguration<Touchpoint>
{
    public void Configure(EntityTypeBuilder<Touchpoint> builder)
    {
        builder.ToTable("touchpoints");
        builder.HasLocalText(t => t.Label, 120);
        builder.Property(t => t.Code).HasMaxLength(32);
        builder.HasIndex(t => t.Code).IsUnique();
        builder.HasIndex(t => t.OrgUnitId);
        builder.Property(t => t.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Ignore(t => t.IsActive);
        builder.Ignore(t => t.Channel);
        builder.HasOne(t => t.OrgUnit).WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Service).WithMany().HasForeignKey(t => t.ServiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.Employee).WithMany().HasForeignKey(t => t.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(t => t.SurveyDefinition).WithMany().HasForeignKey(t => t.SurveyDefinitionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RetiredTouchpointCodeConfiguration : IEntityTypeConfiguration<RetiredTouchpointCode>
{
    public void Configure(EntityTypeBuilder<RetiredTouchpointCode> builder)
    {
        builder.ToTable("retired_touchpoint_codes");
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasOne<Touchpoint>().WithMany().HasForeignKey(c => c.TouchpointId).OnDelete(DeleteBehavior.Cascade);
    }
}
