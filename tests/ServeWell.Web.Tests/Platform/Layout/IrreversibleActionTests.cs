using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Feedback.Kiosks;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Feedback;
using ServeWell.Web.Tests.Modules.FollowUps;

namespace ServeWell.Web.Tests.Platform.Layout;

/// <summary>
/// The actions that cannot be undone which used to be one click (ADR-047): revoking a kiosk, giving a touchpoint a new
/// code, retiring it, locking an account and closing a case as unreachable. Each is a link marked for the dialog to a
/// confirmation page (ADR-039); a post without the confirmation changes nothing and goes to the question; with it, the
/// action is done and a notice says so.
/// </summary>
public abstract class IrreversibleActionTests(AppHost app)
{
    [Fact]
    public async Task RevokeKiosk_AsksFirst_AndOnlyTheConfirmedPostRevokes()
    {
        var touchpoint = await app.CreateTouchpointAsync(TouchpointKind.Kiosk);
        var name = TestData.Unique("Lobby tablet ");
        var id = await app.DbAsync(async db =>
        {
            var device = new KioskDevice { Name = name, TouchpointId = touchpoint.Id, TokenHash = KioskTokens.Hash(KioskTokens.New()), TokenHint = "kiosk-1234" };
            db.KioskDevices.Add(device);
            await db.SaveChangesAsync();
            return device.Id;
        });
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        var confirm = await AskedAsync(admin, "/Feedback/Kiosks", $"/Feedback/Kiosks?handler=Revoke&deviceId={id}", $"Revoke the kiosk “{name}”?", "Keep the kiosk");
        (await RevokedAsync()).ShouldBeFalse("asking changes nothing");

        await RefusedWithoutConfirmationAsync(admin, "/Feedback/Kiosks?handler=Revoke", new() { ["deviceId"] = id.ToString() }, $"/Feedback/Kiosks?handler=Revoke&deviceId={id}");
        (await RevokedAsync()).ShouldBeFalse("a post without the confirmation changes nothing");

        await ConfirmAsync(admin, confirm, "/Feedback/Kiosks", $"Kiosk “{name}” is revoked: it can no longer send answers.");
        (await RevokedAsync()).ShouldBeTrue();

        Task<bool> RevokedAsync() => app.DbAsync(db => db.KioskDevices.AnyAsync(d => d.Id == id && d.RevokedAt != null));
    }

    [Fact]
    public async Task RotateAndRetireTouchpoint_AskFirst_AndOnlyTheConfirmedPostActs()
    {
        var touchpoint = await app.CreateTouchpointAsync();
        var edit = $"/Feedback/Touchpoints/Edit/{touchpoint.Id}";
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        var rotate = await AskedAsync(admin, edit, $"{edit}?handler=Rotate", $"Give “{touchpoint.Label.En}” a new code?", "Keep the code");
        await RefusedWithoutConfirmationAsync(admin, $"{edit}?handler=Rotate", [], $"{edit}?handler=Rotate");
        (await CodeAsync()).ShouldBe(touchpoint.Code);
        await ConfirmAsync(admin, rotate, edit, $"Touchpoint “{touchpoint.Label.En}” has a new code; the old code and its posters no longer open the survey.");
        (await CodeAsync()).ShouldNotBe(touchpoint.Code);

        var retire = await AskedAsync(admin, edit, $"{edit}?handler=Retire", $"Retire “{touchpoint.Label.En}”?", "Keep the touchpoint");
        await RefusedWithoutConfirmationAsync(admin, $"{edit}?handler=Retire", [], $"{edit}?handler=Retire");
        (await app.DbAsync(db => db.Touchpoints.AnyAsync(t => t.Id == touchpoint.Id && t.RetiredAt != null))).ShouldBeFalse();
        await ConfirmAsync(admin, retire, edit, $"Touchpoint “{touchpoint.Label.En}” is retired: citizens can no longer answer through it.");
        (await app.DbAsync(db => db.Touchpoints.AnyAsync(t => t.Id == touchpoint.Id && t.RetiredAt != null))).ShouldBeTrue();

        // Once retired there is nothing left to ask: the question goes back to the touchpoint.
        using var again = await admin.GetAsync($"{edit}?handler=Retire");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        Task<string> CodeAsync() => app.DbAsync(db => db.Touchpoints.Where(t => t.Id == touchpoint.Id).Select(t => t.Code).SingleAsync());
    }

    [Fact]
    public async Task LockAccount_AsksFirst_AndOnlyTheConfirmedPostLocks()
    {
        var email = await app.CreateAccountAsync(Roles.Employee);
        var id = (await LockedAsync()).Id;
        var edit = $"/Admin/Users/Edit/{id}";
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        var confirm = await AskedAsync(admin, edit, $"{edit}?handler=Lock", null, "Keep the account open");
        confirm.QuerySelector("[data-confirm-content] h1")!.TextContent.ShouldStartWith("Lock the account of ");
        await RefusedWithoutConfirmationAsync(admin, $"{edit}?handler=Lock", [], $"{edit}?handler=Lock");
        (await LockedAsync()).Locked.ShouldBeFalse();

        using var done = await admin.SubmitAsync(confirm, $"{edit}?handler=Lock", new Dictionary<string, string>(), "confirmed");
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.Content.ReadAsStringAsync()).ShouldContain("The account is locked and signed out everywhere.");
        (await LockedAsync()).Locked.ShouldBeTrue();

        async Task<(string Id, bool Locked)> LockedAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            return (user.Id, await users.IsLockedOutAsync(user));
        }
    }

    [Fact]
    public async Task CloseCaseUnreachable_AsksFirst_KeepsTheNote_AndOnlyTheConfirmedPostCloses()
    {
        var opened = await app.OpenCaseAsync(Demo.SupervisorCentre);
        var path = $"/FollowUps/Case/{opened.Id}";
        using var supervisor = await app.SignInAsRoleAsync(Roles.Supervisor);

        var confirm = await AskedAsync(supervisor, path, $"{path}?handler=Unreachable", $"Close case {opened.Id} as unreachable?", "Keep the case open");
        confirm.QuerySelector("[data-confirm-content] textarea[name='Form.Note']").ShouldNotBeNull("the optional note is asked in the dialog");
        await RefusedWithoutConfirmationAsync(supervisor, $"{path}?handler=Transition", new() { ["Form.To"] = "closedUnreachable" }, $"{path}?handler=Unreachable");
        (await StateAsync()).ShouldBe(FollowUpState.New);

        using var done = await supervisor.SubmitAsync(confirm, path, new Dictionary<string, string> { ["Form.Note"] = "Called three times, no answer." }, "Form.Note");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await supervisor.GetPageAsync(done.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent
            .ShouldContain("The case is now “Closed: unreachable”.");
        (await StateAsync()).ShouldBe(FollowUpState.ClosedUnreachable);

        // A closed case has nothing to ask.
        using var again = await supervisor.GetAsync($"{path}?handler=Unreachable");
        again.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        Task<FollowUpState> StateAsync() => app.DbAsync(db => db.Set<FollowUpCase>().Where(c => c.Id == opened.Id).Select(c => c.State).SingleAsync());
    }

    /// <summary>The link on <paramref name="page"/> is marked for the dialog and leads to a page that marks its question, form and way back.</summary>
    private static async Task<IHtmlDocument> AskedAsync(StaffClient client, string page, string ask, string? question, string back)
    {
        var list = await client.GetPageAsync(page);
        var link = list.QuerySelector($"a[href='{ask}']");
        link.ShouldNotBeNull($"{page} links to {ask}");
        link.HasAttribute("data-confirm").ShouldBeTrue();
        list.QuerySelectorAll("form").ShouldNotContain(f => (f.GetAttribute("action") ?? "").Contains(ask.Split("handler=")[1], StringComparison.Ordinal),
            "no one-click form does it any more");

        var confirm = await client.GetPageAsync(ask);
        var part = confirm.QuerySelectorAll("[data-confirm-content]").ShouldHaveSingleItem();
        if (question is not null)
        {
            part.QuerySelector("h1")!.TextContent.Trim().ShouldBe(question);
        }

        var form = part.QuerySelector("form[method=post]").ShouldNotBeNull();
        form.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull();
        form.QuerySelector("input[name=confirmed][value=true]").ShouldNotBeNull();
        part.QuerySelector("a[data-confirm-back]")!.TextContent.Trim().ShouldBe(back);
        return confirm;
    }

    /// <summary>A post with the antiforgery token but without confirmed=true is sent to the question.</summary>
    private static async Task RefusedWithoutConfirmationAsync(StaffClient client, string action, Dictionary<string, string> fields, string question)
    {
        var page = await client.GetPageAsync(question);
        var token = page.QuerySelector("[data-confirm-content] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields["__RequestVerificationToken"] = token;
        using var response = await client.Http.PostAsync(action, new FormUrlEncodedContent(fields));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldBe(question);
    }

    private static async Task ConfirmAsync(StaffClient client, IHtmlDocument confirm, string back, string notice)
    {
        using var done = await client.SubmitAsync(confirm, back, new Dictionary<string, string>(), "confirmed");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var next = await client.GetPageAsync(done.Headers.Location!.OriginalString);
        next.QuerySelector("[role=status]")!.TextContent.ShouldContain(notice);
    }
}

public sealed class IrreversibleActionSqliteTests(SqliteApp app) : IrreversibleActionTests(app), IClassFixture<SqliteApp>;

public sealed class IrreversibleActionPostgresTests(PostgresApp app) : IrreversibleActionTests(app), IClassFixture<PostgresApp>;
