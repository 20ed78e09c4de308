using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// Confirmations (ADR-032) open as a KRDS modal dialog with JavaScript (ADR-039): by keyboard, Esc leaves everything as
/// it was, the consequential button acts and the notice follows; without JavaScript the confirmation page does the same.
/// Revoking an API key stands for every confirmation: they share one partial and one script.
/// </summary>
[Collection(Collections.Accounts)]
public sealed class ConfirmationDialogTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task RevokeKey_WithJavaScript_AsksInADialogThatEscCancelsAndConfirmRevokes(string viewport)
    {
        await using var session = await fixture.OpenAsync(Viewport.Named(viewport));
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Administrator);
        var name = await CreateKeyAsync(page);
        await session.CheckPageAsync("api-keys");

        var revoke = page.GetByRole(AriaRole.Link, new() { Name = $"Revoke {name}", Exact = true });
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = $"Revoke the key “{name}”?" });
        var list = page.Url;
        await revoke.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeVisibleAsync();
        page.Url.ShouldBe(list, "the dialog opens over the list, without leaving it");
        await Expect(dialog.GetByText("is refused from now on", new() { Exact = false })).ToBeVisibleAsync();
        // Focus moves into the dialog, onto the harmless choice; the page behind is inert.
        await Expect(dialog.GetByRole(AriaRole.Button, new() { Name = "Keep the key" })).ToBeFocusedAsync();
        (await dialog.EvaluateAsync<bool>("d => d.matches(':modal')")).ShouldBeTrue("a modal dialog makes the page behind inert");
        await session.CheckPageAsync("revoke-dialog");

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(revoke).ToBeFocusedAsync();
        (await RevokedAtAsync(name)).ShouldBeNull("Esc closes the dialog and changes nothing");

        await page.Keyboard.PressAsync("Enter");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep the key" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        (await RevokedAtAsync(name)).ShouldBeNull("Cancel closes the dialog and changes nothing");

        await revoke.ClickAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke the key" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"The key “{name}” is revoked." })).ToBeVisibleAsync();
        (await RevokedAtAsync(name)).ShouldNotBeNull();
        await session.CheckPageAsync("revoked");
    }

    [Theory]
    [InlineData("desktop")]
    [InlineData("phone")]
    public async Task RevokeKey_WithoutJavaScript_AsksOnTheConfirmationPage(string viewport)
    {
        await using var session = await fixture.OpenAsync(Viewport.Named(viewport), javaScript: false);
        var page = session.Page;
        await session.SignInAsync(DemoAccounts.Administrator);
        var name = await CreateKeyAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = $"Revoke {name}", Exact = true }).ClickAsync();
        await Expect(page.PageHeading()).ToHaveTextAsync($"Revoke the key “{name}”?");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await session.CheckPageAsync("revoke-page");
        (await RevokedAtAsync(name)).ShouldBeNull("the question alone changes nothing");

        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke the key" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = $"The key “{name}” is revoked." })).ToBeVisibleAsync();
        (await RevokedAtAsync(name)).ShouldNotBeNull();
    }

    private static async Task<string> CreateKeyAsync(IPage page)
    {
        var name = $"Dialog test {Guid.NewGuid():N}"[..24];
        await page.GotoAsync("/Admin/ApiKeys");
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = $"Revoke {name}", Exact = true })).ToBeVisibleAsync();
        return name;
    }

    private async Task<DateTime?> RevokedAtAsync(string name)
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
        return await db.ApiKeys.Where(k => k.Name == name).Select(k => k.RevokedAt).SingleAsync();
    }
}
