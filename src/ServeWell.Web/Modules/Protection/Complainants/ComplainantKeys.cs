using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Protection.Complainants;

/// <summary>The secret of the keyed hash, stored only protected by the Data Protection key ring (ADR-059). One row.</summary>
public sealed class ComplainantHashSecret
{
    public const int TheOne = 1;

    public int Id { get; init; } = TheOne;

    public required byte[] Protected { get; init; }
}

internal sealed class ComplainantHashSecretConfiguration : IEntityTypeConfiguration<ComplainantHashSecret>
{
    public void Configure(EntityTypeBuilder<ComplainantHashSecret> builder)
    {
        builder.ToTable("protection_hash_secrets");
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}

/// <summary>
/// Recognises the same complainant without storing who they are (ADR-059): HMAC-SHA256 of the normalised phone or email
/// under a random 32-byte secret that exists only protected by the Data Protection key ring. The same person gives the
/// same key on every node and after key rotation; without the key ring the stored keys name no one.
/// </summary>
public sealed class ComplainantKeys(IServiceScopeFactory scopes, IDataProtectionProvider provider)
{
    public const string Purpose = "ServeWell.Protection.ComplainantKey.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _secret;

    /// <summary>The key of a phone number or an email address; null when the text is neither.</summary>
    public async Task<string?> KeyOfAsync(string? phoneOrEmail, CancellationToken cancellationToken)
    {
        if (Normalise(phoneOrEmail) is not { } normal)
        {
            return null;
        }

        var secret = await SecretAsync(cancellationToken);
        return Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(normal)));
    }

    /// <summary>
    /// One form per contact: full-width digits and letters folded (NFKC), an email trimmed and lower-cased, a phone's
    /// spaces, hyphens, dots and brackets dropped and +82 / 0082 written as the leading 0. Null for anything else.
    /// </summary>
    public static string? Normalise(string? phoneOrEmail)
    {
        if (string.IsNullOrWhiteSpace(phoneOrEmail))
        {
            return null;
        }

        var text = phoneOrEmail.Normalize(NormalizationForm.FormKC).Trim();
        if (text.Contains('@', StringComparison.Ordinal))
        {
            var email = text.ToLowerInvariant();
            var at = email.IndexOf('@', StringComparison.Ordinal);
            return at > 0 && at < email.Length - 3 && email.IndexOf('.', at) > at + 1 && !email.Any(char.IsWhiteSpace) ? "e:" + email : null;
        }

        if (text.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '.' or '(' or ')' or '+')))
        {
            return null;
        }

        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (text.StartsWith('+') || digits.StartsWith("0082", StringComparison.Ordinal))
        {
            digits = digits.StartsWith("0082", StringComparison.Ordinal) ? digits[4..] : digits.StartsWith("82", StringComparison.Ordinal) ? digits[2..] : "+" + digits;
            digits = digits.StartsWith('+') ? digits : "0" + digits.TrimStart('0');
        }

        return digits.TrimStart('+').Length is >= 7 and <= 15 ? "p:" + digits : null;
    }

    private async Task<byte[]> SecretAsync(CancellationToken cancellationToken)
    {
        if (_secret is { } known)
        {
            return known;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_secret is { } again)
            {
                return again;
            }

            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
            var stored = await db.Set<ComplainantHashSecret>().AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (stored is null)
            {
                db.Set<ComplainantHashSecret>().Add(new ComplainantHashSecret { Protected = _protector.Protect(RandomNumberGenerator.GetBytes(32)) });
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    // Another node made the secret first: use theirs.
                }

                await using var fresh = scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
                stored = await fresh.ServiceProvider.GetRequiredService<ServeWellDbContext>().Set<ComplainantHashSecret>().AsNoTracking().SingleAsync(cancellationToken);
            }

            _secret = _protector.Unprotect(stored.Protected);
            return _secret;
        }
        finally
        {
            _gate.Release();
        }
    }
}
