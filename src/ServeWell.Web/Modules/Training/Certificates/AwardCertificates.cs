using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Training.Certificates;

/// <summary>
/// A certificate issued on Training's path for an award rather than a completion (ADR-064): what Training needs to verify
/// and draw it. The award itself is the record; Training stores nothing of it. <see cref="Language"/> is the awardee's,
/// the language the certificate is drawn in.
/// </summary>
public sealed record AwardCertificate(string Code, int EmployeeId, string EmployeeName, LocalText AwardName, DateOnly Month, DateTime IssuedAtUtc, string Language);

/// <summary>
/// Where Training finds award certificates by their code. Declared here, implemented by the higher module that gives awards
/// (Recognition), as Learning's IProgrammeCheckQuizzes is for Training (ADR-033).
/// </summary>
public interface IAwardCertificates
{
    /// <summary>The award certificate of a code in the stored form (K7QM-3XPD-A9TF), or null.</summary>
    Task<AwardCertificate?> FindAsync(string code, CancellationToken cancellationToken);
}
