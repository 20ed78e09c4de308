using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Feedback.Touchpoints;

/// <summary>What an administrator or training officer sets for a touchpoint. Not the entity.</summary>
public sealed class TouchpointForm
{
    public TouchpointKind Kind { get; set; } = TouchpointKind.Counter;

    /// <summary>Per language (ADR-030).</summary>
    public LocalTextForm Label { get; set; } = new();

    public string OrgUnitCode { get; set; } = "";

    public string? ServiceCode { get; set; }

    public string? EmployeeNumber { get; set; }

    /// <summary>The survey it asks; null for the standard survey.</summary>
    public int? SurveyDefinitionId { get; set; }
}

/// <summary>Creates and changes touchpoints; rotates and retires their codes without touching past answers (ADR-011).</summary>
public sealed class ManageTouchpoints(ServeWellDbContext db, TimeProvider clock, Intake.FeedbackLookups lookups)
{
    public sealed record Problem(string Field, string Message);

    public async Task<(Touchpoint? Touchpoint, IReadOnlyList<Problem> Problems)> SaveAsync(int? id, TouchpointForm form, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        var label = form.Label.ToText();
        if (label.IsEmpty)
        {
            problems.Add(new("Label", "Enter the label in Korean, in English or in both."));
        }

        if (label.En.Length > 120)
        {
            problems.Add(new("Label.En", "English: at most 120 characters."));
        }

        if (label.Ko.Length > 120)
        {
            problems.Add(new("Label.Ko", "Korean: at most 120 characters."));
        }

        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Code == form.OrgUnitCode.Trim() && u.IsActive, cancellationToken);
        if (unit is null)
        {
            problems.Add(new("OrgUnitCode", "Choose an active org unit."));
        }

        int? serviceId = null;
        if (!string.IsNullOrWhiteSpace(form.ServiceCode))
        {
            serviceId = await db.PublicServices.Where(s => s.Code == form.ServiceCode.Trim()).Select(s => (int?)s.Id).FirstOrDefaultAsync(cancellationToken);
            if (serviceId is null)
            {
                problems.Add(new("ServiceCode", "Choose a service from the catalogue."));
            }
        }

        int? employeeId = null;
        if (!string.IsNullOrWhiteSpace(form.EmployeeNumber))
        {
            if (form.Kind != TouchpointKind.EmployeeBadge)
            {
                problems.Add(new("EmployeeNumber", "Only an employee badge names an employee."));
            }

            employeeId = await db.Employees.Where(e => e.EmployeeNumber == form.EmployeeNumber.Trim()).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
            if (employeeId is null)
            {
                problems.Add(new("EmployeeNumber", "No employee has this number."));
            }
        }

        if (form.SurveyDefinitionId is { } surveyId && !await db.SurveyVersions.AnyAsync(v => v.SurveyDefinitionId == surveyId, cancellationToken))
        {
            problems.Add(new("SurveyDefinitionId", "Choose a survey that has a published version."));
        }

        var touchpoint = id is null ? null : await db.Touchpoints.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (id is not null && touchpoint is null)
        {
            problems.Add(new("", "The touchpoint does not exist."));
        }

        if (problems.Count > 0)
        {
            return (null, problems);
        }

        if (touchpoint is null)
        {
            touchpoint = new Touchpoint { Label = label, Code = await NewCodeAsync(cancellationToken), CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Touchpoints.Add(touchpoint);
        }

        touchpoint.Kind = form.Kind;
        touchpoint.Label = label;
        touchpoint.OrgUnitId = unit!.Id;
        touchpoint.ServiceId = serviceId;
        touchpoint.EmployeeId = employeeId;
        touchpoint.SurveyDefinitionId = form.SurveyDefinitionId is Surveys.SurveyDefinition.DefaultId ? null : form.SurveyDefinitionId;
        await db.SaveChangesAsync(cancellationToken);
        lookups.Invalidate();
        return (touchpoint, []);
    }

    /// <summary>
    /// Gives the touchpoint a new code. The old one stops taking answers at once (its page says so) and is never
    /// issued again; answers already given keep pointing at the touchpoint.
    /// </summary>
    public async Task<Touchpoint?> RotateAsync(int id, CancellationToken cancellationToken)
    {
        var touchpoint = await db.Touchpoints.FirstOrDefaultAsync(t => t.Id == id && t.RetiredAt == null, cancellationToken);
        if (touchpoint is null)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.RetiredTouchpointCodes.Add(new RetiredTouchpointCode { TouchpointId = id, Code = touchpoint.Code, RetiredAt = now });
        touchpoint.Code = await NewCodeAsync(cancellationToken);
        db.Audit("rotate-code", nameof(Touchpoint), touchpoint.Label.Both, null, null);
        await db.SaveChangesAsync(cancellationToken);
        lookups.Invalidate();
        return touchpoint;
    }

    public async Task<Touchpoint?> RetireAsync(int id, CancellationToken cancellationToken)
    {
        var touchpoint = await db.Touchpoints.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (touchpoint is null)
        {
            return null;
        }

        touchpoint.RetiredAt ??= clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        lookups.Invalidate();
        return touchpoint;
    }

    private async Task<string> NewCodeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var code = TouchpointCodes.New();
            if (!await db.Touchpoints.AnyAsync(t => t.Code == code, cancellationToken)
                && !await db.RetiredTouchpointCodes.AnyAsync(c => c.Code == code, cancellationToken))
            {
                return code;
            }
        }
    }
}
