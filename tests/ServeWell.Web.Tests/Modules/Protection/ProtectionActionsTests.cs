using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Modules.Protection.Evidence;
using ServeWell.Web.Platform.City;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Protection;

/// <summary>
/// Evidence, support, restrictions and their letters (issue 17, ADR-059): evidence checked by content, all or none,
/// encrypted at rest and read only by the employee and the officers, every read audited; a restriction's dates refused
/// with what and why; a letter template's unknown placeholder refused by name; the letter a PDF in both languages.
/// </summary>
public abstract class ProtectionActionsTests(AppHost app)
{
    private const string Encounters = ProtectionTestData.Encounters;

    /// <summary>A real, tiny PNG: the signature, one IHDR, one IDAT and IEND (1×1, grey).</summary>
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    [Fact]
    public async Task Evidence_CheckedByContent_AllOrNone_EncryptedAtRest_AndReadOnlyByTheEmployeeAndTheOfficer()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var id = (await employee.LogAsync(ProtectionTestData.NewEncounter())).GetProperty("id").GetInt32();

        // A text file named like a photo sinks the whole upload: nothing is attached, and the message names the file.
        using (var mixed = Upload(("photo.png", Png), ("other.jpg", Encoding.UTF8.GetBytes("not a picture at all"))))
        {
            var refused = await employee.Http.PostAsync($"{Encounters}/{id}/evidence", mixed);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("other.jpg");
        }

        (await app.DbAsync(db => db.ProtectionEvidence.CountAsync(e => e.EncounterId == id))).ShouldBe(0);

        using (var photo = Upload(("photo.png", Png)))
        {
            var added = await employee.Http.PostAsync($"{Encounters}/{id}/evidence", photo);
            added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        }

        var listed = await employee.Http.GetFromJsonAsync<JsonElement>($"{Encounters}/{id}/evidence");
        listed.GetArrayLength().ShouldBe(1);
        var fileName = listed[0].GetProperty("fileName").GetString()!;
        listed[0].GetProperty("contentType").GetString().ShouldBe("image/png");

        // At rest the bytes are not the photo's.
        var stored = await app.DbAsync(db => db.ProtectionEvidence.AsNoTracking().Where(e => e.EncounterId == id).Select(e => e.Protected).SingleAsync());
        stored.AsSpan().IndexOf(Png.AsSpan(0, 16)).ShouldBe(-1);

        (await employee.Http.GetByteArrayAsync($"{Encounters}/{id}/evidence/{fileName}")).ShouldBe(Png);
        using (var officer = await app.SignInAsync(cast.Officer))
        {
            (await officer.Http.GetByteArrayAsync($"{Encounters}/{id}/evidence/{fileName}")).ShouldBe(Png);
        }

        foreach (var nobody in new[] { cast.Supervisor, cast.Peer, cast.Leader })
        {
            using var client = await app.SignInAsync(nobody);
            (await client.GetAsync($"{Encounters}/{id}/evidence/{fileName}")).StatusCode.ShouldBe(HttpStatusCode.NotFound, nobody);
        }

        var reference = await app.DbAsync(db => db.ProtectionEncounters.Where(e => e.Id == id).Select(e => e.Reference).SingleAsync());
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Encounter) && a.EntityKey == reference && a.Action == "evidence-read"))).ShouldBe(2);
    }

    [Fact]
    public async Task Evidence_PastItsRetention_IsDeletedByTheJob_WithAnAuditEntry_AndNewerEvidenceStays()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var old = (await employee.LogAsync(ProtectionTestData.NewEncounter())).GetProperty("id").GetInt32();
        var recent = (await employee.LogAsync(ProtectionTestData.NewEncounter())).GetProperty("id").GetInt32();
        foreach (var id in new[] { old, recent })
        {
            using var photo = Upload(("photo.png", Png));
            (await employee.Http.PostAsync($"{Encounters}/{id}/evidence", photo)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // The retention of the first has run out (as if the configured years had passed); the second's has not.
        await app.DbAsync(db => db.ProtectionEvidence.Where(e => e.EncounterId == old)
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.DeleteAfterUtc, DateTime.UtcNow.AddMinutes(-1))));
        (await app.DbAsync(db => db.ProtectionEvidence.AnyAsync(e => e.EncounterId == recent && e.DeleteAfterUtc > DateTime.UtcNow))).ShouldBeTrue();

        (await app.UseAsync<EvidenceLocker, int>(locker => locker.DeleteExpiredAsync(CancellationToken.None))).ShouldBeGreaterThanOrEqualTo(1);

        (await app.DbAsync(db => db.ProtectionEvidence.CountAsync(e => e.EncounterId == old))).ShouldBe(0);
        (await app.DbAsync(db => db.ProtectionEvidence.CountAsync(e => e.EncounterId == recent))).ShouldBe(1);
        (await employee.Http.GetFromJsonAsync<JsonElement>($"{Encounters}/{old}/evidence")).GetArrayLength().ShouldBe(0);
        var reference = await app.DbAsync(db => db.ProtectionEncounters.Where(e => e.Id == old).Select(e => e.Reference).SingleAsync());
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == nameof(Encounter) && a.EntityKey == reference && a.Action == "evidence-deleted"))).ShouldBe(1);
        (await app.UseAsync<EvidenceLocker, int>(locker => locker.DeleteExpiredAsync(CancellationToken.None))).ShouldBe(0);
    }

    [Fact]
    public async Task SupportAndRestriction_BadDatesRefusedWithWhy_ThenTheLetterIsAPdfInEitherLanguage()
    {
        var cast = await app.CastAsync();
        using var employee = await app.SignInAsync(cast.Employee);
        var id = (await employee.LogAsync(ProtectionTestData.NewEncounter(contact: "010-" + Random.Shared.Next(1000, 9999) + "-" + Random.Shared.Next(1000, 9999)))).GetProperty("id").GetInt32();
        var today = app.Services.GetRequiredService<CityClock>().Today;   // the city's day, as the rules judge dates

        using var supervisor = await app.SignInAsync(cast.Supervisor);
        var offered = await supervisor.Http.PostAsJsonAsync($"{Encounters}/{id}/support", new { kind = "counselling", offeredOn = today });
        offered.StatusCode.ShouldBe(HttpStatusCode.OK, await offered.Content.ReadAsStringAsync());
        var offerId = (await offered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var taken = await employee.Http.PostAsJsonAsync($"{Encounters}/{id}/support/{offerId}/answer", new { takenUpOn = today });
        taken.StatusCode.ShouldBe(HttpStatusCode.OK, await taken.Content.ReadAsStringAsync());

        using var officer = await app.SignInAsync(cast.Officer);
        var before = await app.DbAsync(db => db.ProtectionRestrictions.CountAsync());
        var backwards = await officer.Http.PostAsJsonAsync($"{Encounters}/{id}/restrictions", new
        {
            scope = "channel", detail = "Phone calls only through the team leader.", startsOn = today.AddDays(10), endsOn = today.AddDays(5), reviewOn = today.AddDays(3), letterLanguage = "ko",
        });
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadAsStringAsync()).ShouldContain("endsOn");
        var pastReview = await officer.Http.PostAsJsonAsync($"{Encounters}/{id}/restrictions", new
        {
            scope = "channel", detail = "Phone calls only through the team leader.", startsOn = today, endsOn = today.AddDays(90), reviewOn = today.AddDays(-1), letterLanguage = "ko",
        });
        pastReview.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await pastReview.Content.ReadAsStringAsync()).ShouldContain("reviewOn");
        (await app.DbAsync(db => db.ProtectionRestrictions.CountAsync())).ShouldBe(before);

        var issued = await officer.Http.PostAsJsonAsync($"{Encounters}/{id}/restrictions", new
        {
            scope = "channel", detail = "Phone calls only through the team leader.", startsOn = today, endsOn = today.AddDays(90), reviewOn = today.AddDays(60), letterLanguage = "ko",
        });
        issued.StatusCode.ShouldBe(HttpStatusCode.OK, await issued.Content.ReadAsStringAsync());
        var restrictionId = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // A peer cannot restrict anyone.
        using (var peer = await app.SignInAsync(cast.Peer))
        {
            (await peer.Http.PostAsJsonAsync($"{Encounters}/{id}/restrictions", new
            {
                scope = "channel", detail = "x", startsOn = today, endsOn = today.AddDays(9), reviewOn = today.AddDays(5), letterLanguage = "en",
            })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        // The template: an unknown placeholder is refused by its name; a good one is used by the letter.
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var typo = await admin.Http.PutAsJsonAsync("/api/v1/protection/letter-templates/en", new { body = "Dear {name}, from {frm} to {until}." });
        typo.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await typo.Content.ReadAsStringAsync()).ShouldContain("{frm}");

        var letter = await officer.Http.PostAsJsonAsync($"{Encounters}/{id}/restrictions/{restrictionId}/letter", new { name = "홍길동" });
        letter.StatusCode.ShouldBe(HttpStatusCode.OK, await letter.Content.ReadAsStringAsync());
        letter.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var pdf = await letter.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");

        var english = await officer.Http.PostAsJsonAsync($"{Encounters}/{id}/restrictions", new
        {
            scope = "office", detail = "Visits only by appointment.", startsOn = today, endsOn = today.AddDays(30), reviewOn = today.AddDays(20), letterLanguage = "en",
        });
        english.StatusCode.ShouldBe(HttpStatusCode.OK, await english.Content.ReadAsStringAsync());
        var englishId = (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var englishLetter = await officer.Http.PostAsJsonAsync($"{Encounters}/{id}/restrictions/{englishId}/letter", new { name = "Jane Doe" });
        englishLetter.StatusCode.ShouldBe(HttpStatusCode.OK, await englishLetter.Content.ReadAsStringAsync());
        Encoding.ASCII.GetString(await englishLetter.Content.ReadAsByteArrayAsync(), 0, 5).ShouldBe("%PDF-");

        // The name on the letter is never stored.
        (await app.DbAsync(db => db.AuditEntries.CountAsync(a => a.After != null && (a.After.Contains("홍길동") || a.After.Contains("Jane Doe"))))).ShouldBe(0);
    }

    private static MultipartFormDataContent Upload(params (string Name, byte[] Bytes)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", name);
        }

        return form;
    }
}

public sealed class ProtectionActionsSqliteTests(SqliteApp app) : ProtectionActionsTests(app), IClassFixture<SqliteApp>;

public sealed class ProtectionActionsPostgresTests(PostgresApp app) : ProtectionActionsTests(app), IClassFixture<PostgresApp>;
