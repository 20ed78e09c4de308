using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Registrations;

/// <summary>A person's place in a session: Registered, Waitlisted (with position), Cancelled or NoShow; overlapsWith lists their other sessions at the same time.</summary>
public sealed record RegistrationDto(
    string EmployeeNumber, string Name, int SessionId, string State, string? Reason, DateTime AskedAt, DateTime Since, int? WaitlistPosition, IReadOnlyList<int> OverlapsWith)
{
    public static RegistrationDto From(RosterEntry e) => new(
        e.EmployeeNumber, e.Name, e.Registration.SessionId, e.Registration.State.ToString(), e.Registration.StateReason, e.Registration.AskedAt,
        e.Registration.StateSince, e.WaitlistPosition == 0 ? null : e.WaitlistPosition, e.Overlaps.Select(s => s.Id).ToList());
}

/// <summary>
/// What to do with a person and this session: "register" (a place, or the waitlist when full), "move" (from this session
/// to <see cref="ToSessionId"/>), "cancel" (their place or place in the queue) or "withdraw" (from the whole programme).
/// </summary>
public sealed class RegistrationRequest
{
    public string? EmployeeNumber { get; set; }

    public string? Action { get; set; }

    public int? ToSessionId { get; set; }
}

public static class RegistrationsApi
{
    public static RouteGroupBuilder MapRegistrationsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/sessions/{id:int}/registrations", ListAsync)
            .RequireAuthorization(Policies.ManageTraining)
            .WithName("ListRegistrations")
            .WithSummary("The session's places and waitlist (in order), with cancelled ones when all=true; overlapsWith flags people's other sessions at the same time.");
        api.MapPost("/sessions/{id:int}/registrations", ChangeAsync)
            .RequireAuthorization(Policies.ManageTraining)
            .WithName("ChangeRegistration")
            .WithSummary("action: register (a place, or the waitlist when full), move (to toSessionId), cancel, or withdraw (from the programme). Freed places go to the waitlist.");
        return api;
    }

    private static async Task<Results<Ok<List<RegistrationDto>>, NotFound>> ListAsync(int id, bool? all, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.TrainingSessions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await SessionRoster.ReadAsync(db, id, all ?? false, cancellationToken)).Select(RegistrationDto.From).ToList());
    }

    private static async Task<Results<Ok<RegistrationDto>, NoContent, NotFound, ValidationProblem>> ChangeAsync(
        int id, RegistrationRequest request, ServeWellDbContext db, SessionRegistrations registrations, IAuditActor actor,
        IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Id, s.ProgrammeId }).FirstOrDefaultAsync(cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }

        var number = request.EmployeeNumber?.Trim() ?? "";
        var employee = await db.Employees.Where(e => e.EmployeeNumber == number).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (employee is null)
        {
            return Invalid("employeeNumber", l["There is no employee with the number “{0}”.", number]);
        }

        var action = request.Action?.Trim().ToLowerInvariant();
        try
        {
            switch (action)
            {
                case "register":
                    await registrations.RegisterAsync(id, employee.Value, RegistrationMode.Officer, actor.Name, cancellationToken);
                    break;
                case "move":
                    if (request.ToSessionId is not { } to || !await db.TrainingSessions.AnyAsync(s => s.Id == to && s.ProgrammeId == session.ProgrammeId, cancellationToken))
                    {
                        return Invalid("toSessionId", l["Choose a session of the same programme to move to."] + $" ({request.ToSessionId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"})");
                    }

                    await registrations.RegisterAsync(to, employee.Value, RegistrationMode.Move, actor.Name, cancellationToken);
                    id = to;
                    break;
                case "cancel":
                    await registrations.CancelAsync(id, employee.Value, byOfficer: true, actor.Name, cancellationToken);
                    break;
                case "withdraw":
                    await registrations.WithdrawAsync(session.ProgrammeId, employee.Value, actor.Name, cancellationToken);
                    return TypedResults.NoContent();
                default:
                    return Invalid("action", l["“{0}” is not an action: use register, move, cancel or withdraw.", request.Action ?? ""]);
            }
        }
        catch (DomainRuleException ex)
        {
            return Invalid(action == "move" ? "toSessionId" : "employeeNumber", ex.Message);
        }

        var entry = (await SessionRoster.ReadAsync(db, id, includeCancelled: true, cancellationToken)).First(e => e.EmployeeId == employee);
        return TypedResults.Ok(RegistrationDto.From(entry));
    }

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });
}
