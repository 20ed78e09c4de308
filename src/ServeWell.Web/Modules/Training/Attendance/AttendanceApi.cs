using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Audit;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Attendance;

/// <summary>One person's attendance: Present, Late, LeftEarly or Excused, the channel it came by (QrCheckIn, JoinLink, Manual) and the times; status is null before any record.</summary>
public sealed record AttendanceDto(string EmployeeNumber, string Name, string Registration, string? Status, string? Channel, DateTime? ArrivedAt, DateTime? LeftAt, DateTime? RecordedAt);

/// <summary>A mark by hand; arrivedAt and leftAt are UTC instants and optional.</summary>
public sealed class AttendanceRequest
{
    public string? Status { get; set; }

    public DateTime? ArrivedAt { get; set; }

    public DateTime? LeftAt { get; set; }
}

public static class AttendanceApi
{
    public static RouteGroupBuilder MapAttendanceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/sessions/{id:int}/attendance", ListAsync)
            .RequireAuthorization(Policies.TeachTraining)
            .WithName("ListAttendance")
            .WithSummary("Everyone with a place in the session and their attendance. Instructors only for sessions they teach.");
        api.MapPut("/sessions/{id:int}/attendance/{employeeNumber}", MarkAsync)
            .RequireAuthorization(Policies.TeachTraining)
            .WithName("MarkAttendance")
            .WithSummary("Marks one person by hand: status Present, Late, LeftEarly or Excused. Instructors only for sessions they teach.");
        api.MapGet("/sessions/{id:int}/check-in-code", CodeAsync)
            .RequireAuthorization(Policies.TeachTraining)
            .WithName("CheckInCode")
            .WithSummary("The room's current check-in code: the address a phone opens, the QR image, the 10-second step and the check-ins so far.");
        return api;
    }

    private static async Task<Results<Ok<List<AttendanceDto>>, NotFound, ForbidHttpResult>> ListAsync(int id, ClaimsPrincipal user, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }

        if (!SessionAccess.CanRun(user, session))
        {
            return TypedResults.Forbid();
        }

        return TypedResults.Ok(await ReadAsync(db, id, cancellationToken));
    }

    private static async Task<Results<Ok<AttendanceDto>, NotFound, ForbidHttpResult, ValidationProblem>> MarkAsync(
        int id, string employeeNumber, AttendanceRequest request, ClaimsPrincipal user, ServeWellDbContext db, RecordAttendance attendance,
        IAuditActor actor, IStringLocalizer<SharedResource> l, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }

        if (!SessionAccess.CanRun(user, session))
        {
            return TypedResults.Forbid();
        }

        if (string.IsNullOrEmpty(request.Status) || !char.IsLetter(request.Status[0]) || !Enum.TryParse<AttendanceStatus>(request.Status, ignoreCase: true, out var status))
        {
            return Invalid("status", l["“{0}” is not an attendance status: use Present, Late, LeftEarly or Excused.", request.Status ?? ""]);
        }

        var employee = await db.Employees.Where(e => e.EmployeeNumber == employeeNumber).Select(e => (int?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (employee is null)
        {
            return Invalid("employeeNumber", l["There is no employee with the number “{0}”.", employeeNumber]);
        }

        try
        {
            await attendance.MarkAsync(id, employee.Value, status, Utc(request.ArrivedAt), Utc(request.LeftAt), actor.Name, cancellationToken);
        }
        catch (DomainRuleException ex)
        {
            return Invalid("employeeNumber", ex.Message);
        }

        return TypedResults.Ok((await ReadAsync(db, id, cancellationToken)).First(a => a.EmployeeNumber == employeeNumber));
    }

    private static async Task<Results<Ok<CheckInCodeDto>, NotFound, ForbidHttpResult>> CodeAsync(
        int id, ClaimsPrincipal user, HttpRequest request, ServeWellDbContext db, CheckInCode codes, PublicUrl publicUrl, CancellationToken cancellationToken)
    {
        var session = await db.TrainingSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }

        if (!SessionAccess.CanRun(user, session))
        {
            return TypedResults.Forbid();
        }

        var step = codes.CurrentStep;
        var url = publicUrl.For(request, CheckInCode.PathFor(id, codes.For(id, step)));
        return TypedResults.Ok(await CheckInCodeDto.ForAsync(db, codes, url, id, step, cancellationToken));
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static async Task<List<AttendanceDto>> ReadAsync(ServeWellDbContext db, int sessionId, CancellationToken cancellationToken) =>
        (await SessionRoster.ReadAsync(db, sessionId, includeCancelled: false, cancellationToken))
            .Where(e => e.Registration.State is RegistrationState.Registered or RegistrationState.NoShow)
            .OrderBy(e => e.EmployeeNumber, StringComparer.Ordinal)
            .Select(e => new AttendanceDto(e.EmployeeNumber, e.Name, e.Registration.State.ToString(), e.Attendance?.Status.ToString(), e.Attendance?.Channel.ToString(),
                e.Attendance?.ArrivedAt, e.Attendance?.LeftAt, e.Attendance?.RecordedAt))
            .ToList();
}
