using Microsoft.AspNetCore.DataProtection;

namespace ServeWell.Web.Modules.Protection.Evidence;

/// <summary>
/// Encrypts evidence with Data Protection under a purpose of its own (as <c>ContactVault</c> does contacts, ADR-013):
/// AES-256-CBC with HMAC by the key ring in the database; no other protector can read it, and key rotation keeps it readable.
/// </summary>
public sealed class EvidenceVault(IDataProtectionProvider provider)
{
    public const string Purpose = "ServeWell.Protection.Evidence.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public byte[] Protect(byte[] plain) => _protector.Protect(plain);

    public byte[] Unprotect(byte[] protectedBytes) => _protector.Unprotect(protectedBytes);
}

/// <summary>Limits on evidence (section Protection:Evidence): per file, per encounter, and how long it is kept.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Protection:Evidence";

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    public int MaxFiles { get; set; } = 5;

    /// <summary>Days after the upload when evidence is deleted (three years by default: the time limit for most complaints to the police).</summary>
    public int RetentionDays { get; set; } = 3 * 365;

    /// <summary>The most a request may carry: every file at its limit, and the form around them.</summary>
    public const long RequestCeilingBytes = 60L * 1024 * 1024;
}
