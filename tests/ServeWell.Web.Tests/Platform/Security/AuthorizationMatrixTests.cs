using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Modules.People.RosterImport;
using ServeWell.Web.Tests.Modules.FollowUps;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Security;

/// <summary>
/// Requests every GET page and endpoint as each demo role and as nobody, and checks the answer against
/// the endpoint's own policy metadata and <see cref="Policies.RolesByPolicy"/>: a new endpoint is covered
/// without touching this test.
/// </summary>
public abstract class AuthorizationMatrixTests(AppHost app)
{
    public const string Anonymous = "anonymous";

    public static TheoryData<string> Identities => new([Anonymous, .. Roles.All]);

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task GetEndpointsWithoutParameters_AsIdentity_AnswerAsPolicySays(string identity)
    {
        var role = identity == Anonymous ? null : identity;
        using var client = role is null ? app.Anonymous() : await app.SignInAsRoleAsync(role);
        var endpoints = EndpointCatalog.All(app.Services)
            .Where(e => e.AnswersGet && e.NeedsNoParameters && !EndpointCatalog.IsStaticAsset(e))
            .DistinctBy(e => e.PathWithoutParameters)
            .ToList();

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            failures.AddRange(await AccessExpectation.CheckAsync(client, endpoint, endpoint.PathWithoutParameters, role, hiddenByScope: false));
        }

        endpoints.Count.ShouldBeGreaterThan(5);
        failures.ShouldBeEmpty($"As {identity}:\n  " + string.Join("\n  ", failures));
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task GetEndpointsWithRealIds_AsIdentity_AnswerAsPolicyAndScopeSay(string identity)
    {
        var role = identity == Anonymous ? null : identity;
        var cases = await CasesAsync();
        using var client = role is null ? app.Anonymous() : await app.SignInAsRoleAsync(role);

        var failures = new List<string>();
        foreach (var (route, path, hiddenFrom) in cases)
        {
            var endpoint = EndpointCatalog.ByRoute(app.Services, route);
            var hidden = role is not null && hiddenFrom.Contains(role);
            failures.AddRange(await AccessExpectation.CheckAsync(client, endpoint, path, role, hidden));
        }

        failures.ShouldBeEmpty($"As {identity}:\n  " + string.Join("\n  ", failures));
    }

    /// <summary>Routes with parameters, filled with real ids: the demo employee's own record and unit, an import job, a demo programme, a competency, a demo session, a demo service and touchpoint.</summary>
    private async Task<List<(string Route, string Path, string[] HiddenFrom)>> CasesAsync()
    {
        var employee = await app.DemoAccountAsync(Roles.Employee);
        var own = await app.DbAsync(db => Task.FromResult(db.Employees.Single(e => e.Id == employee.EmployeeId)));
        var unit = await app.UnitAsync(Demo.SupervisorCentre);
        var job = await app.DbAsync(db => RosterImportQueue.CreateAsync(
            db, "matrix.csv", "employee_number\n"u8.ToArray(), "test", DateTime.UtcNow, CancellationToken.None));
        var programme = await app.DbAsync(db => Task.FromResult(db.Programmes.OrderBy(p => p.Id).First().Id));
        var competency = await app.DbAsync(db => Task.FromResult(db.Competencies.OrderBy(c => c.Id).First().Id));
        var followUp = await app.OpenCaseAsync(Demo.SupervisorCentre);
        var outsideFollowUp = await app.OpenCaseAsync("O-TAX");
        var rootCause = await app.DbAsync(db => Task.FromResult(db.Set<ServeWell.Web.Modules.FollowUps.RootCauses.RootCause>().OrderBy(c => c.Id).First().Id));
        var session = await app.DbAsync(db => Task.FromResult(db.TrainingSessions.Where(s => s.CancelledAt == null).OrderBy(s => s.Id).Select(s => new { s.Id, s.ProgrammeId }).First()));
        // The demo instructor teaches this one, so the instructor may open its check-in code and attendance sheet.
        var instructor = await app.DemoAccountAsync(Roles.Instructor);
        var taught = await app.DbAsync(db => Task.FromResult(db.TrainingSessions.Where(s => s.CancelledAt == null && s.InstructorEmployeeId == instructor.EmployeeId).OrderBy(s => s.Id).Select(s => s.Id).First()));
        var token = await app.DbAsync(db => Task.FromResult(db.SessionRegistrations.OrderBy(r => r.Id).Select(r => r.JoinToken).First()));
        // A session nobody attended (the demo city has attendance at past sessions): its evaluation form is no one's.
        var unattended = await app.DbAsync(db => Task.FromResult(db.TrainingSessions
            .Where(s => s.CancelledAt == null && !db.Attendance.Any(a => a.SessionId == s.Id)).OrderBy(s => s.Id).Select(s => s.Id).First()));
        var touchpoint = await app.DbAsync(db => Task.FromResult(db.Touchpoints.Where(t => t.RetiredAt == null).OrderBy(t => t.Id).Select(t => new { t.Id, t.Code }).First()));
        var service = await app.DbAsync(db => Task.FromResult(db.PublicServices.OrderBy(s => s.Id).First().Id));
        // A draft to publish and a failed mail to retry: both confirmation pages show only then (ADR-031).
        var draft = await app.DbAsync(async db =>
        {
            var p = db.Programmes.Add(new ServeWell.Web.Modules.Training.Programmes.Programme { Title = LocalText.Of("Matrix draft", ""), Hours = 1, State = ServeWell.Web.Modules.Training.Programmes.ProgrammeState.Draft }).Entity;
            await db.SaveChangesAsync();
            return p.Id;
        });
        var failedMail = await app.DbAsync(async db =>
        {
            var m = db.OutboxMails.Add(new ServeWell.Web.Platform.Mail.OutboxMail
            {
                To = "matrix@test.example", Language = "en", Subject = "Matrix", TextBody = "Body", Status = ServeWell.Web.Platform.Mail.OutboxStatus.Failed, Attempts = 10,
            }).Entity;
            await db.SaveChangesAsync();
            return m.Id;
        });

        // The demo's open courtesy-award round (ADR-058): the demo instructor and supervisor sit on its jury; the demo employee does not.
        var awardRound = await app.DbAsync(db => Task.FromResult(db.AwardRounds.OrderByDescending(r => r.Month).First().Id));

        // A demo encounter of the demo employee (ADR-059): the demo supervisor (their centre), the training officer (the
        // city's protection officer) and administrators read it; the instructor and leadership find nothing.
        var encounter = await app.DbAsync(db => Task.FromResult(db.ProtectionEncounters.Where(e => e.EmployeeId == employee.EmployeeId).OrderBy(e => e.Id).First().Id));

        return
        [
            // Open to all staff, but an instructor's scope holds only their own record.
            ("/People/Employees/Details/{id:int}", $"/People/Employees/Details/{own.Id}", [Roles.Instructor]),
            ("/People/Employees/Edit/{id:int?}", $"/People/Employees/Edit/{own.Id}", []),
            ("/People/OrgUnits/Details/{id:int}", $"/People/OrgUnits/Details/{unit.Id}", []),
            ("/People/OrgUnits/Edit/{id:int?}", $"/People/OrgUnits/Edit/{unit.Id}", []),
            ("/People/Import/{id:guid}", $"/People/Import/{job.Id}", []),
            ("/api/v1/employees/{employeeNumber}", $"/api/v1/employees/{own.EmployeeNumber}", []),
            ("/api/v1/employees/imports/{id:guid}", $"/api/v1/employees/imports/{job.Id}", []),
            ("/Training/Programmes/Details/{id:int}", $"/Training/Programmes/Details/{programme}", []),
            ("/Training/Programmes/Edit/{id:int?}", $"/Training/Programmes/Edit/{programme}", []),
            ("/Training/Competencies/Edit/{id:int?}", $"/Training/Competencies/Edit/{competency}", []),
            ("/api/v1/programmes/{id:int}", $"/api/v1/programmes/{programme}", []),
            ("/api/v1/programmes/{id:int}/sessions", $"/api/v1/programmes/{session.ProgrammeId}/sessions", []),
            ("/api/v1/sessions/{id:int}", $"/api/v1/sessions/{session.Id}", []),
            ("/api/v1/sessions/{id:int}/calendar.ics", $"/api/v1/sessions/{session.Id}/calendar.ics", []),
            ("/Training/Programmes/{programmeId:int}/Sessions/Edit/{id:int?}", $"/Training/Programmes/{session.ProgrammeId}/Sessions/Edit/{session.Id}", []),
            ("/Training/Programmes/{programmeId:int}/Sessions/Cancel/{id:int}", $"/Training/Programmes/{session.ProgrammeId}/Sessions/Cancel/{session.Id}", []),
            ("/api/v1/programmes/{id:int}/enrolments", $"/api/v1/programmes/{programme}/enrolments", []),
            ("/Training/Programmes/SyncEnrolments/{id:int}", $"/Training/Programmes/SyncEnrolments/{programme}", []),
            // A case at the supervisor's centre; and one at the tax office, outside the demo supervisor's subtree.
            ("/FollowUps/Case/{id:int}", $"/FollowUps/Case/{followUp.Id}", []),
            ("/api/v1/follow-ups/{id:int}", $"/api/v1/follow-ups/{followUp.Id}", []),
            ("/FollowUps/Case/{id:int}", $"/FollowUps/Case/{outsideFollowUp.Id}", [Roles.Supervisor]),
            ("/api/v1/follow-ups/{id:int}", $"/api/v1/follow-ups/{outsideFollowUp.Id}", [Roles.Supervisor]),
            ("/api/v1/follow-ups/{id:int}/assignees", $"/api/v1/follow-ups/{followUp.Id}/assignees", []),
            ("/api/v1/follow-ups/{id:int}/assignees", $"/api/v1/follow-ups/{outsideFollowUp.Id}/assignees", [Roles.Supervisor]),
            ("/FollowUps/RootCauses/Edit/{id:int?}", $"/FollowUps/RootCauses/Edit/{rootCause}", []),
            ("/Training/Programmes/{programmeId:int}/Sessions/{id:int}/Registrations", $"/Training/Programmes/{session.ProgrammeId}/Sessions/{session.Id}/Registrations", []),
            ("/api/v1/sessions/{id:int}/registrations", $"/api/v1/sessions/{session.Id}/registrations", []),
            ("/api/v1/sessions/{id:int}/attendance", $"/api/v1/sessions/{taught}/attendance", []),
            ("/api/v1/sessions/{id:int}/check-in-code", $"/api/v1/sessions/{taught}/check-in-code", []),
            ("/Training/Sessions/{id:int}/Attendance", $"/Training/Sessions/{taught}/Attendance", []),
            ("/Training/Sessions/{id:int}/CheckInCode", $"/Training/Sessions/{taught}/CheckInCode", []),
            ("/Training/CheckIn/{id:int}", $"/Training/CheckIn/{taught}?code=none", []),
            ("/join/{token}", $"/join/{token}", []),
            ("/Feedback/Services/Edit/{id:int?}", $"/Feedback/Services/Edit/{service}", []),
            ("/Feedback/Touchpoints/Edit/{id:int?}", $"/Feedback/Touchpoints/Edit/{touchpoint.Id}", []),
            ("/f/{code}", $"/f/{touchpoint.Code}", []),
            ("/api/v1/touchpoints/{code}/survey", $"/api/v1/touchpoints/{touchpoint.Code}/survey", []),
            ("/Feedback/Surveys/Edit/{id:int?}", $"/Feedback/Surveys/Edit/{ServeWell.Web.Modules.Feedback.Surveys.SurveyDefinition.DefaultId}", []),
            ("/Feedback/Surveys/Preview/{id:int}", $"/Feedback/Surveys/Preview/{ServeWell.Web.Modules.Feedback.Surveys.SurveyDefinition.DefaultId}", []),
            ("/api/v1/surveys/{id:int}", $"/api/v1/surveys/{ServeWell.Web.Modules.Feedback.Surveys.SurveyDefinition.DefaultId}", []),
            ("/f/{code}/thanks", $"/f/{touchpoint.Code}/thanks", []),
            // The evaluation link never ends in "not found": to someone who did not attend, it says so (ADR-032).
            ("/Training/Evaluations/Session/{sessionId:int}", $"/Training/Evaluations/Session/{unattended}", []),
            ("/Training/Programmes/{id:int}/Results", $"/Training/Programmes/{session.ProgrammeId}/Results", []),
            ("/api/v1/programmes/{id:int}/results", $"/api/v1/programmes/{session.ProgrammeId}/results", []),
            ("/Training/Programmes/{id:int}/KnowledgeCheck", $"/Training/Programmes/{programme}/KnowledgeCheck", []),
            // Demo programmes have no question set, so there is nothing to take.
            ("/Training/KnowledgeChecks/{programmeId:int}/{phase}", $"/Training/KnowledgeChecks/{programme}/Pre", [.. Roles.All]),
            ("/Learning/Checks/{programmeId:int}/{phase}", $"/Learning/Checks/{programme}/Pre", [.. Roles.All]),
            ("/Learning/Checks/{programmeId:int}/NewQuiz", $"/Learning/Checks/{programme}/NewQuiz", []),
            ("/api/v1/programmes/{id:int}/knowledge-check", $"/api/v1/programmes/{programme}/knowledge-check", []),
            ("/verify/{code?}", "/verify/AAAA-BBBB-CCCC", []),
            ("/api/v1/certificates/{code}", "/api/v1/certificates/AAAA-BBBB-CCCC", []),
            ("/Training/Compliance", $"/Training/Compliance?programmeId={programme}&orgUnitCode={unit.Code}", []),
            ("/api/v1/compliance", $"/api/v1/compliance?programmeId={programme}&orgUnitCode={unit.Code}", []),
            ("/api/v1/employees/{employeeNumber}/completions", $"/api/v1/employees/{own.EmployeeNumber}/completions", []),
            // No demo certificate exists yet: the routes answer "not found" to everyone they admit.
            ("/Training/Certificates/{code}/pdf", "/Training/Certificates/AAAA-BBBB-CCCC/pdf", [.. Roles.All]),
            ("/Training/Certificates/Revoke/{code}", "/Training/Certificates/Revoke/AAAA-BBBB-CCCC", [.. Roles.All]),
            // The whole city is outside a supervisor's subtree.
            ("/Insights", $"/Insights?unit={Demo.City}", [Roles.Supervisor]),
            ("/api/v1/insights/overview", $"/api/v1/insights/overview?orgUnitCode={Demo.City}", [Roles.Supervisor]),
            ("/api/v1/insights/reports/{month}.pdf", "/api/v1/insights/reports/2026-01.pdf", []),
            ("/api/v1/insights/reports/{month}.pdf", $"/api/v1/insights/reports/2026-01.pdf?orgUnitCode={Demo.City}", [Roles.Supervisor]),
            ("/Insights/Impact", $"/Insights/Impact?unit={Demo.City}", [Roles.Supervisor]),
            ("/Insights/Awards", $"/Insights/Awards?unit={Demo.City}", [Roles.Supervisor]),
            // Excluding an answer (ADR-022): one at the supervisor's centre, one at the tax office outside their subtree.
            ("/Insights/Answers/{id:long}/Exclusion", $"/Insights/Answers/{followUp.AnswerId}/Exclusion", []),
            ("/Insights/Answers/{id:long}/Exclusion", $"/Insights/Answers/{outsideFollowUp.AnswerId}/Exclusion", [Roles.Supervisor]),
            ("/Protection/Encounters/{id:int}", $"/Protection/Encounters/{encounter}", [Roles.Instructor, Roles.Leadership]),
            ("/api/v1/encounters/{id:int}", $"/api/v1/encounters/{encounter}", [Roles.Instructor, Roles.Leadership]),
            ("/Protection/Flag/Case/{id:int}", $"/Protection/Flag/Case/{followUp.Id}", []),
            ("/Protection/Flag/Case/{id:int}", $"/Protection/Flag/Case/{outsideFollowUp.Id}", [Roles.Supervisor]),
            ("/Protection/Flag/Answer/{id:long}", $"/Protection/Flag/Answer/{followUp.AnswerId}", []),
            ("/Protection/Flag/Answer/{id:long}", $"/Protection/Flag/Answer/{outsideFollowUp.AnswerId}", [Roles.Supervisor]),
            ("/api/v1/feedback/answers/{id:long}/exclusion", $"/api/v1/feedback/answers/{followUp.AnswerId}/exclusion", []),
            ("/api/v1/feedback/answers/{id:long}/exclusion", $"/api/v1/feedback/answers/{outsideFollowUp.AnswerId}/exclusion", [Roles.Supervisor]),
            ("/api/v1/insights/impact", $"/api/v1/insights/impact?orgUnitCode={Demo.City}", [Roles.Supervisor]),
            ("/Training/Programmes/Publish/{id:int}", $"/Training/Programmes/Publish/{draft}", []),
            ("/Admin/Outbox/{id:long?}", $"/Admin/Outbox/{failedMail}", []),
            ("/Admin/Outbox/{id:long}/Retry", $"/Admin/Outbox/{failedMail}/Retry", []),
            ("/api/v1/recognition/rounds/{id:int}", $"/api/v1/recognition/rounds/{awardRound}", [Roles.Employee]),
            ("/api/v1/recognition/rounds/{id:int}/candidates", $"/api/v1/recognition/rounds/{awardRound}/candidates", []),
            ("/api/v1/recognition/rounds/{id:int}/nominations", $"/api/v1/recognition/rounds/{awardRound}/nominations", [Roles.Employee]),
            ("/api/v1/recognition/rounds/{id:int}/jurors", $"/api/v1/recognition/rounds/{awardRound}/jurors", []),
            ("/api/v1/recognition/rounds/{id:int}/scores", $"/api/v1/recognition/rounds/{awardRound}/scores", [Roles.Employee]),
            ("/api/v1/public/recognition/offices/{code}/staff", $"/api/v1/public/recognition/offices/{unit.Code}/staff", []),
            ("/api/v1/recognition/offices/{code}/green-card.pdf", $"/api/v1/recognition/offices/{unit.Code}/green-card.pdf", []),
            ("/recognise/{code}", $"/recognise/{unit.Code}", []),
            ("/Recognition/Rounds/{id:int}", $"/Recognition/Rounds/{awardRound}", [Roles.Employee]),
            // The open round is not waiting for approval: there is nothing to decide yet.
            ("/Recognition/Rounds/{id:int}/Decide", $"/Recognition/Rounds/{awardRound}/Decide", [Roles.Leadership]),
        ];
    }
}

public sealed class AuthorizationMatrixSqliteTests(SqliteApp app) : AuthorizationMatrixTests(app), IClassFixture<SqliteApp>;

public sealed class AuthorizationMatrixPostgresTests(PostgresApp app) : AuthorizationMatrixTests(app), IClassFixture<PostgresApp>;
