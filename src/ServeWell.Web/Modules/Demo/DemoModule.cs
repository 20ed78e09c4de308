using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Accounts.ApiKeys;
using ServeWell.Web.Modules.Insights.Reports;
using ServeWell.Web.Modules.Insights.Rollups;
using ServeWell.Web.Modules.Learning.Checks;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.Grades;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed the demo city outside Development too (it is always seeded in Development).</summary>
    public bool Enabled { get; set; }

    public string Password { get; set; } = "ServeWell-demo-1";

    /// <summary>A fixed secret for the demo administrator API key; when empty, one is made and printed at first start.</summary>
    public string? ApiKey { get; set; }

    /// <summary>How many citizen answers the demo history holds (two years of them, ending at the first start).</summary>
    public int FeedbackAnswers { get; set; } = 200_000;

    /// <summary>How many frontline employees have played the demo scenarios over the past months.</summary>
    public int ScenarioPlayers { get; set; } = 300;
}

public static class DemoModule
{
    public static readonly IReadOnlyList<(string Email, string Role, string Name)> Accounts =
    [
        ("admin@servewell.demo", Roles.Administrator, "Demo Administrator"),
        ("training@servewell.demo", Roles.TrainingOfficer, "Demo Training Officer"),
        ("instructor@servewell.demo", Roles.Instructor, "Demo Instructor"),
        ("supervisor@servewell.demo", Roles.Supervisor, "Demo Supervisor"),
        ("leader@servewell.demo", Roles.Leadership, "Demo Mayor"),
        ("employee@servewell.demo", Roles.Employee, "Demo Employee"),
    ];

    public static WebApplicationBuilder AddDemoModule(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<DemoOptions>(builder.Configuration.GetSection(DemoOptions.Section));
        return builder;
    }

    public static async Task SeedDemoCityAsync(this WebApplication app)
    {
        var options = app.Configuration.GetSection(DemoOptions.Section).Get<DemoOptions>() ?? new DemoOptions();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        if (!app.Environment.IsDevelopment() && !options.Enabled)
        {
            return;
        }

        var seeder = new DemoSeeder(
            services.GetRequiredService<ServeWellDbContext>(), services.GetRequiredService<UserManager<StaffUser>>(), services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<SyncProgrammeAudience>(),
            services.GetRequiredService<ILogger<DemoSeeder>>());
        var printedKey = await seeder.SeedAsync(options, app.Lifetime.ApplicationStopping);
        await DemoSelfStudy.SeedAsync(services, Accounts.First(a => a.Role == Roles.Employee).Email, app.Lifetime.ApplicationStopping);
        await DemoFollowUps.SeedAsync(services, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, app.Lifetime.ApplicationStopping);
        await DemoCases.SeedAsync(services, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, app.Lifetime.ApplicationStopping);
        await DemoScenarios.SeedAsync(services, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, options.ScenarioPlayers, app.Lifetime.ApplicationStopping);
        await DemoRecognition.SeedAsync(services, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, app.Lifetime.ApplicationStopping);
        await DemoProtection.SeedAsync(services, services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime, app.Lifetime.ApplicationStopping);
        if (seeder.SeededAnswers > 0)
        {
            // The bulk-loaded history bypassed the intake's rollup queue: rebuild the cube now, so the dashboards are right from
            // the first page, then roll up the few answers the follow-up demo sent through the intake.
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var rollups = services.GetRequiredService<InsightsRollups>();
            var months = await rollups.RebuildAsync(app.Lifetime.ApplicationStopping);
            await rollups.DrainAsync(app.Lifetime.ApplicationStopping);
            services.GetRequiredService<ILogger<DemoSeeder>>().LogInformation("Demo feedback: Insights rollups rebuilt for {Months} months in {Milliseconds} ms", months, clock.ElapsedMilliseconds);

            // Seeding two years of a city allocated a few hundred megabytes that are garbage now; the collector would keep
            // that heap committed for good. One compacting, decommitting collection gives it back (ADR-066).
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        }

        // Demo accounts are fictional, so printing them is safe; this goes to the console, not the log.
        var lines = new List<string> { "", "ServeWell demo city (Hanbit City) — sign in with any of these accounts:" };
        lines.AddRange(Accounts.Select(a => $"  {a.Email,-28} {a.Role,-16} password: {options.Password}"));
        lines.Add(printedKey is not null
            ? $"  Demo API key (administrator): {printedKey}   (shown once; set Demo:ApiKey to choose your own)"
            : string.IsNullOrEmpty(options.ApiKey) ? "  Demo API key: shown at first start; set Demo:ApiKey to fix one." : "  Demo API key: the value of Demo:ApiKey.");
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}

internal sealed class DemoSeeder(ServeWellDbContext db, UserManager<StaffUser> users, TimeProvider clock, SyncProgrammeAudience sync, ILogger<DemoSeeder> logger)
{
    /// <summary>How many feedback answers this run bulk-loaded (0 when the history was there already).</summary>
    public int SeededAnswers { get; private set; }

    public async Task<string?> SeedAsync(DemoOptions options, CancellationToken cancellationToken)
    {
        string? printedKey = null;
        if (!await db.OrgUnits.AnyAsync(cancellationToken))
        {
            await SeedCityAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }

        await DemoProgrammes.SeedAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await DemoSessions.SeedAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        SeededAnswers = await DemoFeedback.SeedAsync(db, options.FeedbackAnswers, clock.GetUtcNow().UtcDateTime, logger, cancellationToken);
        await DemoKnowledgeCheck.SeedAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        // The question set becomes a quiz of the bank as every city's old checks do (ADR-048): a demo database from
        // before and a new one end the same, pre and post results kept.
        await new KnowledgeCheckConversion(db, clock).ConvertAllAsync(cancellationToken);

        foreach (var (email, role, name) in DemoModule.Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null)
            {
                continue;
            }

            var user = new StaffUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow().UtcDateTime,
                ScopeOrgUnitId = role switch
                {
                    Roles.Supervisor => await UnitIdAsync(DemoCity.SupervisorCentre, cancellationToken),
                    Roles.Leadership => await UnitIdAsync(DemoCity.RootCode, cancellationToken),
                    _ => null,
                },
                EmployeeId = await EmployeeForAsync(role, cancellationToken),
            };
            var created = await users.CreateAsync(user, options.Password);
            if (!created.Succeeded)
            {
                throw new InvalidOperationException($"Demo account {email} could not be created: {string.Join(" ", created.Errors.Select(e => e.Description))} (check Demo:Password).");
            }

            await users.AddToRoleAsync(user, role);
        }

        await DemoRegistrations.SeedAsync(db, sync, clock.GetUtcNow().UtcDateTime, cancellationToken);
        await SubscribeMayorToTheMonthlyReportAsync(cancellationToken);

        var secret = string.IsNullOrWhiteSpace(options.ApiKey) ? null : options.ApiKey.Trim();
        var hasDemoKey = await db.ApiKeys.AnyAsync(k => k.Name == "Demo administrator key" && k.RevokedAt == null, cancellationToken);
        if (secret is not null ? !await db.ApiKeys.AnyAsync(k => k.KeyHash == ApiKey.Hash(secret), cancellationToken) : !hasDemoKey)
        {
            if (secret is null)
            {
                printedKey = secret = ApiKey.NewSecret();
            }

            db.ApiKeys.Add(new ApiKey
            {
                Name = "Demo administrator key", Hint = secret[..Math.Min(8, secret.Length)], KeyHash = ApiKey.Hash(secret),
                Role = Roles.Administrator, CreatedAt = clock.GetUtcNow().UtcDateTime, CreatedBy = "demo seed",
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return printedKey;
    }

    /// <summary>The city's units and staff, in one transaction (also used by the demo-seed benchmark).</summary>
    internal static async Task SeedCityAsync(ServeWellDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(now);
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        db.AuditEachChange = false;
        if (!await db.GradeScales.AnyAsync(cancellationToken))
        {
            db.GradeScales.Add(GradeScale.Korean());
        }

        var byCode = new Dictionary<string, OrgUnit>();
        foreach (var u in DemoCity.Units)
        {
            var unit = new OrgUnit { Code = u.Code, Name = u.Name, NameEn = u.NameEn, Kind = u.Kind, CreatedAt = now };
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync(cancellationToken);
            unit.PlaceUnder(u.Parent is null ? null : byCode[u.Parent]);
            db.OrgUnitChanges.Add(new OrgUnitChange { OrgUnitId = unit.Id, At = now, Kind = "created", To = unit.Name, By = "demo seed" });
            byCode[u.Code] = unit;
        }

        await db.SaveChangesAsync(cancellationToken);
        var people = DemoCity.People(today);
        foreach (var p in people)
        {
            var employee = new Employee
            {
                EmployeeNumber = p.Number, Name = p.Name, Email = p.Email, Phone = p.Phone, HireDate = p.HireDate,
                IsFrontline = p.Frontline, Status = EmployeeStatus.Active, UpdatedAt = now,
            };
            employee.Assign(byCode[p.UnitCode].Id, p.Grade, p.Position, p.HireDate);
            db.Employees.Add(employee);
        }

        await db.SaveChangesAsync(cancellationToken);

        // A little history: some staff moved from a community centre to the civil service office last spring.
        var movers = await db.Employees.Include(e => e.Assignments)
            .Where(e => e.OrgUnitId == byCode["C-HANNAM"].Id && e.Grade >= 7).OrderBy(e => e.EmployeeNumber).Take(4).ToListAsync(cancellationToken);
        foreach (var m in movers)
        {
            m.Assign(byCode["T-CIVIL-1"].Id, m.Grade, m.Position, new DateOnly(today.Year, 3, 1) > m.HireDate ? new DateOnly(today.Year, 3, 1) : today);
        }

        await db.SaveChangesAsync(cancellationToken);
        db.AuditEachChange = true;
        db.Audit("demo-seed", "OrgUnit", DemoCity.RootCode, null, new { units = DemoCity.Units.Count, employees = people.Count });
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>The demo mayor receives the monthly insights report (ADR-020).</summary>
    private async Task SubscribeMayorToTheMonthlyReportAsync(CancellationToken cancellationToken)
    {
        var email = DemoModule.Accounts.First(a => a.Role == Roles.Leadership).Email;
        var mayor = await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (mayor is not null && !await db.ReportSubscriptions.AnyAsync(s => s.UserId == mayor, cancellationToken))
        {
            db.ReportSubscriptions.Add(new ServeWell.Web.Modules.Insights.Reports.ReportSubscription { UserId = mayor, CreatedAtUtc = clock.GetUtcNow().UtcDateTime });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private Task<int?> UnitIdAsync(string code, CancellationToken cancellationToken) =>
        db.OrgUnits.Where(u => u.Code == code).Select(u => (int?)u.Id).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Links each demo account to a plausible employee: the supervisor heads the centre, the employee serves at its counter.</summary>
    private async Task<int?> EmployeeForAsync(string role, CancellationToken cancellationToken)
    {
        var (unit, head) = role switch
        {
            Roles.Supervisor => (DemoCity.SupervisorCentre, true),
            Roles.Employee => (DemoCity.SupervisorCentre, false),
            Roles.Leadership => (DemoCity.RootCode, true),
            Roles.TrainingOfficer => ("O-HR", false),
            Roles.Instructor => ("O-AUDIT", true),
            _ => ("", false),
        };
        if (unit.Length == 0)
        {
            return null;
        }

        var query = db.Employees.Where(e => e.OrgUnit!.Code == unit);
        query = head ? query.Where(e => e.Position != "주무관") : query.Where(e => e.IsFrontline || role != Roles.Employee).Where(e => e.Position == "주무관");
        return await query.OrderBy(e => e.EmployeeNumber).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
