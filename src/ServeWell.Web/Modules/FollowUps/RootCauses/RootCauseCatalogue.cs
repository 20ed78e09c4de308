using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.FollowUps.RootCauses;

/// <summary>
/// The root causes every installation starts with. Reference data like the roles: added at start-up when missing,
/// never overwritten, so an administrator's edits survive restarts.
/// </summary>
public static class RootCauseCatalogue
{
    public static readonly IReadOnlyList<(string Code, string NameEn, string NameKo)> Standard =
    [
        ("waiting-time", "Waiting time", "대기 시간"),
        ("staff-attitude", "Staff attitude", "직원 태도"),
        ("unclear-information", "Unclear information", "불명확한 안내"),
        ("rules-policy", "Rules or policy", "규정 또는 제도"),
        ("system-error", "System error", "시스템 오류"),
        ("wrong-referral", "Wrong referral", "잘못된 안내·이관"),
        ("facilities", "Facilities", "시설"),
        ("other", "Other", "기타"),
    ];

    public static async Task EnsureAsync(ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var existing = await db.Set<RootCause>().Select(c => c.Code).ToListAsync(cancellationToken);
        var missing = Standard.Select((s, i) => (s, i)).Where(x => !existing.Contains(x.s.Code)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        foreach (var ((code, en, ko), i) in missing)
        {
            db.Add(new RootCause { Code = code, NameEn = en, NameKo = ko, SortOrder = (i + 1) * 10 });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another node starting at the same moment inserted them first; the unique code kept one copy.
            db.ChangeTracker.Clear();
        }
    }
}
