using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Training.Enrolments;

/// <summary>An enrolment with the person's registrations in the programme's sessions (cancelled ones included, newest first).</summary>
public sealed record EnrolmentDto(string EmployeeNumber, string Name, string OrgUnitCode, string State, string Source, DateTime Since, IReadOnlyList<RegistrationDto> Registrations);

public sealed record EnrolmentPageDto(int Total, int Page, int PageSize, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<EnrolmentDto> Enrolments);

public static class EnrolmentsApi
{
    public static RouteGroupBuilder MapEnrolmentsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programmes/{id:int}/enrolments", ListAsync)
            .RequireAuthorization(Policies.ViewTraining)
            .WithName("ListEnrolments")
            .WithSummary("A programme's enrolments, by employee number, a page at a time; state filters (Invited, Registered, Attended, NoShow, Excused, Withdrawn).");
        api.MapPost("/programmes/{id:int}/enrolments/sync", SyncAsync)
            .RequireAuthorization(Policies.ManageTraining)
            .WithName("SyncEnrolments")
            .WithSummary("Makes the enrolments follow the audience rule now; answers how many were invited, withdrawn, invited again and unchanged.");
        return api;
    }

    private static async Task<Results<Ok<EnrolmentPageDto>, NotFound, ValidationProblem>> ListAsync(
        int id, string? state, int? page, int? pageSize, ProgrammeEnrolments enrolments, StaffScope scope, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        EnrolmentState? filter = null;
        if (!string.IsNullOrEmpty(state))
        {
            if (!char.IsLetter(state[0]) || !Enum.TryParse<EnrolmentState>(state, ignoreCase: true, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["state"] = [$"\"{state}\" is not a state: use {string.Join(", ", Enum.GetNames<EnrolmentState>())}."],
                });
            }

            filter = parsed;
        }

        var result = await enrolments.ReadAsync(id, await scope.GetAsync(cancellationToken), filter, page ?? 1, pageSize ?? 50, cancellationToken);
        if (result is null)
        {
            return TypedResults.NotFound();
        }

        var numbers = result.Rows.Select(r => r.EmployeeNumber).ToList();
        var people = await db.Employees.AsNoTracking().Where(e => numbers.Contains(e.EmployeeNumber)).Select(e => new { e.Id, e.EmployeeNumber, e.Name }).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();
        var registrations = await db.SessionRegistrations.AsNoTracking()
            .Where(r => ids.Contains(r.EmployeeId) && db.TrainingSessions.Any(s => s.Id == r.SessionId && s.ProgrammeId == id))
            .OrderByDescending(r => r.AskedAt).ToListAsync(cancellationToken);
        var overlaps = await RegistrationOverlaps.FindAsync(db, ids, cancellationToken);
        var byNumber = people.ToDictionary(p => p.EmployeeNumber);
        IReadOnlyList<RegistrationDto> Of(string number) => byNumber.TryGetValue(number, out var p)
            ? registrations.Where(r => r.EmployeeId == p.Id).Select(r => new RegistrationDto(
                number, p.Name, r.SessionId, r.State.ToString(), r.StateReason, r.AskedAt, r.StateSince, null,
                r.IsActive && overlaps.TryGetValue((p.Id, r.SessionId), out var o) ? o : [])).ToList()
            : [];

        return TypedResults.Ok(new EnrolmentPageDto(result.Total, result.Page, result.PageSize,
            Enum.GetValues<EnrolmentState>().ToDictionary(s => s.ToString(), s => result.Counts.GetValueOrDefault(s)),
            result.Rows.Select(r => new EnrolmentDto(r.EmployeeNumber, r.Name, r.OrgUnitCode, r.State.ToString(), r.Source.ToString(), r.Since, Of(r.EmployeeNumber))).ToList()));
    }

    private static async Task<Results<Ok<SyncCounts>, NotFound>> SyncAsync(int id, SyncProgrammeAudience sync, CancellationToken cancellationToken) =>
        await sync.SyncAsync(id, EnrolmentReasons.ByRule, cancellationToken) is { } counts ? TypedResults.Ok(counts) : TypedResults.NotFound();
}
