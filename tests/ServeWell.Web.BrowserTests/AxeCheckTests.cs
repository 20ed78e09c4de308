using ServeWell.Web.BrowserTests.Infrastructure;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// The accessibility check itself: it must fail on pages with known WCAG violations (in the page and inside a frame)
/// and pass a clean page, or every "axe-clean" claim of the other tests would be empty.
/// </summary>
[Collection(Collections.Accounts)]
public sealed class AxeCheckTests(BrowserFixture fixture)
{
    [Fact]
    public async Task FailsOnAnImageWithoutText_LowContrast_AndAFieldWithoutLabel_NamingEach()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Broken</title></head><body><main>
            <h1>Broken page</h1>
            <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <p style="color:#bbb;background:#fff">Pale text nobody can read</p>
            <input type="text">
            </main></body></html>
            """);

        var failure = await Should.ThrowAsync<Exception>(() => AxeCheck.AssertAccessibleAsync(page, "a broken page"));

        failure.Message.ShouldContain("image-alt");
        failure.Message.ShouldContain("color-contrast");
        failure.Message.ShouldContain("label");
        failure.Message.ShouldContain("a broken page");
    }

    [Fact]
    public async Task FailsOnAViolationInsideAFrame()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Desktop);
        var page = await context.NewPageAsync();
        // A real origin: axe asks a frame for its results by message, and pages on about:blank have no origin to answer.
        await context.RouteAsync("http://axe.test/**", route => route.FulfillAsync(new()
        {
            ContentType = "text/html; charset=utf-8",
            Body = route.Request.Url.EndsWith("/inner", StringComparison.Ordinal)
                ? "<!doctype html><html lang='en'><head><title>Inner</title></head><body><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw='></body></html>"
                : "<!doctype html><html lang='en'><head><title>Framed</title></head><body><main><h1>Framed</h1><iframe title='Inner' src='/inner'></iframe></main></body></html>",
        }));
        await page.GotoAsync("http://axe.test/");
        await page.FrameLocator("iframe").Locator("img").WaitForAsync(new() { State = WaitForSelectorState.Attached });

        var failure = await Should.ThrowAsync<Exception>(() => AxeCheck.AssertAccessibleAsync(page, "a framed page"));

        failure.Message.ShouldContain("image-alt");
    }

    [Fact]
    public async Task PassesACleanPage()
    {
        await using var context = await fixture.NewContextAsync(Viewport.Desktop);
        var page = await context.NewPageAsync();
        await page.SetContentAsync("""
            <!doctype html><html lang="en"><head><title>Clean</title></head><body><main>
            <h1>Clean page</h1><p>Readable text.</p>
            <label for="name">Name</label> <input id="name" type="text">
            </main></body></html>
            """);

        await AxeCheck.AssertAccessibleAsync(page, "a clean page");
    }
}
