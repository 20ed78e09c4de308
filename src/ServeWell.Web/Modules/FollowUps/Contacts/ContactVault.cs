using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using ServeWell.Web.Platform.Events;

namespace ServeWell.Web.Modules.FollowUps.Contacts;

/// <summary>
/// Encrypts and decrypts citizens' contact details with Data Protection under a purpose of their own (ADR-013): no other
/// protector in the app (cookies, tokens) can read them, and key rotation keeps old payloads readable.
/// </summary>
public sealed class ContactVault(IDataProtectionProvider provider)
{
    public const string Purpose = "ServeWell.FollowUps.Contact.v1";

    private sealed record Payload(string? E, string? P);

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public byte[] Protect(FeedbackContact contact) =>
        _protector.Protect(JsonSerializer.SerializeToUtf8Bytes(new Payload(Clean(contact.Email), Clean(contact.Phone))));

    public FeedbackContact Unprotect(byte[] protectedBytes)
    {
        var payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(protectedBytes)) ?? new Payload(null, null);
        return new FeedbackContact(payload.E, payload.P);
    }

    /// <summary>
    /// Makes Data Protection load its key ring, and create or roll a key when one is due, now, outside any transaction.
    /// Otherwise the first protect after a key is due would write the new key while the intake's transaction holds
    /// SQLite's write lock, and wait for itself (ADR-013). Called at start-up and on every pass of the background loop.
    /// </summary>
    public void WarmUp() => _protector.Unprotect(_protector.Protect([1]));

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
