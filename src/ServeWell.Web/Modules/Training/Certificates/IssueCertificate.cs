using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Training.Completions;
using ServeWell.Web.Modules.Training.Programmes;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Certificates;

/// <summary>Makes the certificate of a completion, copying what it certifies and working out until when it is valid.</summary>
public sealed class IssueCertificate(ServeWellDbContext db, ProgrammeCycles cycles, TimeProvider clock)
{
    /// <summary>No 0/O, 1/I/L: a code read out over the phone or typed from paper must not be mistaken.</summary>
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    /// <summary>A code of 12 characters from 31 (about 59 bits), shown in three groups of four.</summary>
    public static string NewCode()
    {
        var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 12);
        return $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}";
    }

    /// <summary>Normalises what a person typed (lower case, spaces, no dashes) to the stored form; null when it cannot be a code.</summary>
    public static string? NormaliseCode(string? typed)
    {
        var chars = (typed ?? "").Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray();
        return chars.Length == 12 && chars.All(c => Alphabet.Contains(c, StringComparison.Ordinal))
            ? $"{new string(chars, 0, 4)}-{new string(chars, 4, 4)}-{new string(chars, 8, 4)}"
            : null;
    }

    /// <summary>
    /// The last day a certificate of this cycle is valid: for a recurring programme, until the next cycle is due (or, with
    /// no due date, until the next cycle ends); never for a programme taken once.
    /// </summary>
    public static DateOnly? ExpiresOn(Programme programme, ProgrammeCycle cycle) =>
        programme.RecurrenceMonths is { } months and > 0
            ? (cycle.DueOn ?? cycle.StartsOn.AddMonths(months)).AddMonths(months)
            : null;

    /// <summary>Adds the certificate of <paramref name="completion"/> to the context; it is saved with the completion.</summary>
    public async Task<Certificate> PrepareAsync(Completion completion, Programme programme, CancellationToken cancellationToken)
    {
        var name = await db.Employees.Where(e => e.Id == completion.EmployeeId).Select(e => e.Name).FirstAsync(cancellationToken);
        var sessionInstructor = completion.SessionId is { } sessionId
            ? await db.TrainingSessions.Where(s => s.Id == sessionId).Select(s => s.InstructorName).FirstOrDefaultAsync(cancellationToken)
            : null;
        var cycle = await cycles.CurrentAsync(programme, cancellationToken);
        var certificate = new Certificate
        {
            Completion = completion, Code = NewCode(), EmployeeId = completion.EmployeeId, ProgrammeId = programme.Id, EmployeeName = name, ProgrammeTitle = programme.Title.Both,
            Hours = programme.Hours, InstructorName = sessionInstructor ?? programme.Instructors.OrderBy(i => i.Order).Select(i => i.Name).FirstOrDefault(),
            CompletedOn = completion.CompletedOn, ExpiresOn = cycle.Number == completion.Cycle ? ExpiresOn(programme, cycle) : null,
            IssuedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Certificates.Add(certificate);
        return certificate;
    }
}
