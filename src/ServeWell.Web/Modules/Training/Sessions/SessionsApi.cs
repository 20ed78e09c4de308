using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Modules.Training.Sessions;

/// <summary>A session as the API answers it: the wall-clock times in its zone and the UTC instants.</summary>
public sealed record SessionDto(
    int Id, int ProgrammeId, string Delivery, string Start, string End, string TimeZone, DateTime StartsAtUtc, DateTime EndsAtUtc,
    string? Venue, string? JoinUrl, int Capacity, string? InstructorEmployeeNumber, string? InstructorName,
    string CalendarUid, int Sequence, DateTime? CancelledAt, string CalendarUrl, LocalText Venues)
{
    public static SessionDto From(TrainingSession s, string? instructorNumber) => new(
        s.Id, s.ProgrammeId, s.Delivery.ToString(),
        SessionTime.ToLocal(s.StartsAtUtc, s.TimeZone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        SessionTime.ToLocal(s.EndsAtUtc, s.TimeZone).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture),
        s.TimeZone, s.StartsAtUtc, s.EndsAtUtc, s.Venue.IsEmpty ? null : s.Venue.ToString(), s.JoinUrl, s.Capacity, instructorNumber, s.InstructorName,
        s.CalendarUid.ToString("D"), s.Sequence, s.CancelledAt, $"/api/v1/sessions/{s.Id}/calendar.ics", s.Venue);
}

public static class SessionsApi
{
    public static RouteGroupBuilder MapSessionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/programmes/{id:int}/sessions", ListAsync)
            .RequireAuthorization(Policies.ViewTraining)
            .WithName("ListSessions")
            .WithSummary("The programme's sessions, cancelled ones included, by start.");
        api.MapPost("/programmes/{id:int}/sessions", CreateAsync)
            .RequireAuthorization(Policies.ManageTraining)
            .WithName("CreateSession")
            .WithSummary("Plans a session. start and end are wall-clock times in timeZone (IANA, e.g. Asia/Seoul).");
        api.MapGet("/sessions/{id:int}", GetAsync)
            .RequireAuthorization(Policies.ViewTraining)
            .WithName("GetSession");
        api.MapPut("/sessions/{id:int}", UpdateAsync)
            .RequireAuthorization(Policies.ManageTraining)
            .WithName("UpdateSession")
            .WithSummary("Changes a session; the calendar SEQUENCE goes up when anything changed.");
        api.MapPost("/sessions/{id:int}/cancel", CancelAsync)
            .RequireAuthorization(Policies.ManageTraining)
            .WithName("CancelSession");
        api.MapGet("/sessions/{id:int}/calendar.ics", CalendarAsync)
            .RequireAuthorization(Policies.ViewTraining)
            .WithName("SessionCalendar")
            .WithSummary("The session as an iCalendar file: METHOD:PUBLISH, or METHOD:CANCEL once cancelled, with a stable UID.");
        return api;
    }

    private static async Task<Results<Ok<List<SessionDto>>, NotFound>> ListAsync(int id, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await ReadAsync(db, db.TrainingSessions.Where(s => s.ProgrammeId == id), cancellationToken));
    }

    private static async Task<Results<Ok<SessionDto>, NotFound>> GetAsync(int id, ServeWellDbContext db, CancellationToken cancellationToken) =>
        (await ReadAsync(db, db.TrainingSessions.Where(s => s.Id == id), cancellationToken)).FirstOrDefault() is { } dto ? TypedResults.Ok(dto) : TypedResults.NotFound();

    private static async Task<Results<Created<SessionDto>, ValidationProblem, NotFound>> CreateAsync(
        int id, SessionRequest request, SaveSession save, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Programmes.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var (session, problems) = await save.CreateAsync(id, request, cancellationToken);
        if (session is null)
        {
            return Problem(problems);
        }

        var dto = (await ReadAsync(db, db.TrainingSessions.Where(s => s.Id == session.Id), cancellationToken)).Single();
        return TypedResults.Created($"/api/v1/sessions/{session.Id}", dto);
    }

    private static async Task<Results<Ok<SessionDto>, ValidationProblem, NotFound>> UpdateAsync(
        int id, SessionRequest request, SaveSession save, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.TrainingSessions.AnyAsync(s => s.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }

        var (session, problems) = await save.UpdateAsync(id, request, cancellationToken);
        if (session is null)
        {
            return Problem(problems);
        }

        return TypedResults.Ok((await ReadAsync(db, db.TrainingSessions.Where(s => s.Id == id), cancellationToken)).Single());
    }

    private static async Task<Results<Ok<SessionDto>, NotFound>> CancelAsync(int id, SaveSession save, ServeWellDbContext db, CancellationToken cancellationToken)
    {
        if (await save.CancelAsync(id, cancellationToken) is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok((await ReadAsync(db, db.TrainingSessions.Where(s => s.Id == id), cancellationToken)).Single());
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> CalendarAsync(
        int id, HttpRequest request, ServeWellDbContext db, PublicUrl publicUrl, TimeProvider clock, CancellationToken cancellationToken)
    {
        var row = await db.TrainingSessions.AsNoTracking().Where(s => s.Id == id)
            .Join(db.Programmes, s => s.ProgrammeId, p => p.Id, (s, p) => new { Session = s, p.Title, p.Description })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return TypedResults.NotFound();
        }

        var s = row.Session;
        var description = new StringBuilder(row.Description.ToString());
        if (s.InstructorName is not null)
        {
            description.Append(description.Length > 0 ? "\n\n" : "").Append("Instructor: ").Append(s.InstructorName);
        }

        if (s.JoinUrl is not null)
        {
            description.Append(description.Length > 0 ? "\n" : "").Append("Join: ").Append(s.JoinUrl);
        }

        var page = new Uri(publicUrl.For(request, $"/Training/Programmes/Details/{s.ProgrammeId}"));
        var text = SessionCalendar.Write(s, row.Title.ToString(), description.ToString(), page, clock.GetUtcNow().UtcDateTime);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), SessionCalendar.ContentType, $"session-{s.Id}.ics");
    }

    private static ValidationProblem Problem(IReadOnlyList<SaveSession.Problem> problems) =>
        TypedResults.ValidationProblem(problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()));

    private static async Task<List<SessionDto>> ReadAsync(ServeWellDbContext db, IQueryable<TrainingSession> query, CancellationToken cancellationToken)
    {
        var sessions = await query.AsNoTracking().OrderBy(s => s.StartsAtUtc).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var ids = sessions.Select(s => s.InstructorEmployeeId).OfType<int>().Distinct().ToList();
        var numbers = await db.Employees.Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.EmployeeNumber, cancellationToken);
        return sessions.Select(s => SessionDto.From(s, s.InstructorEmployeeId is { } e && numbers.TryGetValue(e, out var n) ? n : null)).ToList();
    }
}
