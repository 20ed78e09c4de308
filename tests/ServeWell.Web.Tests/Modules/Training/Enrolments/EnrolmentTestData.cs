using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Enrolments;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Training.Enrolments;

/// <summary>Programmes aimed at a unit of the test's own, so no other test's people are in their audience.</summary>
public static class EnrolmentTestData
{
    /// <summary>A programme saved and published (so its audience is enrolled), or left a draft when <paramref name="publish"/> is false.</summary>
    public static async Task<Programme> CreateProgrammeAsync(this AppHost app, AudienceRule audience, bool publish = true)
    {
        var request = new ProgrammeRequest { Title = LocalText.In("en", TestData.Unique("Enrolment test ")), Delivery = "InPerson", Hours = 2, Audience = audience };
        var (programme, problems) = await app.UseAsync<SaveProgramme, (Programme?, IReadOnlyList<SaveProgramme.Problem>)>(
            save => save.SaveAsync(null, request, CancellationToken.None));
        if (programme is null)
        {
            throw new InvalidOperationException(string.Join("; ", problems.Select(p => p.Message)));
        }

        if (publish)
        {
            await app.PublishAsync(programme.Id);
            programme.State = ProgrammeState.Published;
        }

        return programme;
    }

    public static Task<SyncCounts?> PublishAsync(this AppHost app, int programmeId) =>
        app.UseAsync<PublishProgramme, SyncCounts?>(publish => publish.PublishAsync(programmeId, CancellationToken.None));

    public static Task<SyncCounts> SyncAsync(this AppHost app, int programmeId) =>
        app.UseAsync<SyncProgrammeAudience, SyncCounts>(async sync => (await sync.SyncAsync(programmeId, "test", CancellationToken.None))!);

    /// <summary>Enrolments of a programme by employee id.</summary>
    public static Task<Dictionary<int, Enrolment>> EnrolmentsAsync(this AppHost app, int programmeId) =>
        app.DbAsync(db => db.Enrolments.AsNoTracking().Where(e => e.ProgrammeId == programmeId).ToDictionaryAsync(e => e.EmployeeId));

    public static Task<List<EnrolmentChange>> HistoryAsync(this AppHost app, int enrolmentId) =>
        app.DbAsync(db => db.EnrolmentChanges.AsNoTracking().Where(c => c.EnrolmentId == enrolmentId).OrderBy(c => c.Id).ToListAsync());

    public static Task<int> MoveEmployeeAsync(this AppHost app, int employeeId, int orgUnitId) =>
        app.DbAsync(db => db.Employees.Where(e => e.Id == employeeId).ExecuteUpdateAsync(s => s.SetProperty(e => e.OrgUnitId, orgUnitId)));
}
