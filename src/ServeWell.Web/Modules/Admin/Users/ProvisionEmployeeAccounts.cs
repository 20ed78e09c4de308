using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Admin.Users;

/// <summary>
/// Gives employees of an org subtree who have no account yet a sign-in account in the Employee role,
/// linked to their record, and mails each a link to choose a password. Runs in batches, so one click
/// never holds a request for minutes; the page says how many remain.
/// </summary>
public sealed class ProvisionEmployeeAccounts(
    ServeWellDbContext db, UserManager<StaffUser> users, PasswordResetMail welcome, TimeProvider clock, ILogger<ProvisionEmployeeAccounts> logger)
{
    public const int Batch = 500;

    public sealed record Outcome(int Created, int SkippedEmailInUse, int Remaining);

    /// <summary>Active and on-leave employees under <paramref name="orgUnitPath"/> with no account linked.</summary>
    public IQueryable<Employee> Without(string orgUnitPath) =>
        db.Employees.AsNoTracking()
            .Where(e => e.Status != EmployeeStatus.Left && e.OrgUnit!.Path.StartsWith(orgUnitPath))
            .Where(e => !db.Users.Any(u => u.EmployeeId == e.Id));

    public async Task<Outcome> RunAsync(string orgUnitPath, HttpRequest request, CancellationToken cancellationToken)
    {
        var batch = await Without(orgUnitPath).OrderBy(e => e.EmployeeNumber).Take(Batch)
            .Select(e => new { e.Id, e.Name, e.Email }).ToListAsync(cancellationToken);
        int created = 0, skipped = 0;
        foreach (var e in batch)
        {
            if (await users.FindByEmailAsync(e.Email) is not null)
            {
                // Someone already signs in with this address (an administrator, or a shared mailbox): link by hand.
                skipped++;
                continue;
            }

            var user = new StaffUser
            {
                UserName = e.Email, Email = e.Email, EmailConfirmed = true, DisplayName = e.Name, EmployeeId = e.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            // The account, its role and its welcome mail commit together (ADR-031).
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var result = await users.CreateAsync(user);
            if (!result.Succeeded)
            {
                logger.LogWarning("Account for employee {EmployeeId} not created: {Codes}", e.Id, string.Join(",", result.Errors.Select(x => x.Code)));
                skipped++;
                continue;
            }

            await users.AddToRoleAsync(user, Roles.Employee);
            await welcome.EnqueueAsync(user, request, welcome: true, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            created++;
        }

        var remaining = await Without(orgUnitPath).CountAsync(cancellationToken) - skipped;
        return new Outcome(created, skipped, Math.Max(0, remaining));
    }
}
