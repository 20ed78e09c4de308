using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// The page weight budgets of docs/BENCHMARKS.md ("Page weight"), measured in the browser: the bytes on the wire
/// (response headers and encoded body, as Chromium reports them) of every request a page load makes. A staff page in
/// Korean with an empty cache — HTML, CSS, scripts and the web font files the page uses — stays within 150 KB, the next
/// staff page within 30 KB, and the citizen survey on a phone within 50 KB with everything.
/// </summary>
[Collection(Collections.Accounts)]
public sealed class PageWeightTests(BrowserFixture fixture, Xunit.Abstractions.ITestOutputHelper output)
{
    private const long Kilobyte = 1024;

    [Fact]
    public async Task StaffPage_InKorean_FirstLoadWithin150KB_AndTheNextPageWithin30KB()
    {
        // Signed in in one context; the measured context gets only the cookies, so its cache is empty.
        string state;
        await using (var signIn = await fixture.OpenAsync(Viewport.Desktop))
        {
            await signIn.SignInAsync(DemoAccounts.TrainingOfficer);
            state = await signIn.Page.Context.StorageStateAsync();
        }

        await using var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = fixture.Server.BaseAddress.ToString(), StorageState = state, Locale = "ko-KR", TimezoneId = "Asia/Seoul",
            ViewportSize = new ViewportSize { Width = Viewport.Desktop.Width, Height = Viewport.Desktop.Height },
        });
        var page = await context.NewPageAsync();

        var first = await WeighAsync(page, "/People/Employees?lang=ko");
        first.Requests.ShouldContain(r => r.Url.EndsWith(".woff2", StringComparison.Ordinal), "the Korean page loads its web font");
        output.WriteLine("first load: " + first.Describe());
        first.Total.ShouldBeLessThanOrEqualTo(150 * Kilobyte, first.Describe());

        var next = await WeighAsync(page, "/Training/Programmes?lang=ko");
        output.WriteLine("next page: " + next.Describe());
        next.Total.ShouldBeLessThanOrEqualTo(30 * Kilobyte, next.Describe());
    }

    [Fact]
    public async Task CitizenSurvey_InKoreanOnAPhone_IsUnder50KBWithEverything()
    {
        string code;
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
            code = await db.Touchpoints.Where(t => t.Kind == TouchpointKind.Counter && t.RetiredAt == null).OrderBy(t => t.Id).Select(t => t.Code).FirstAsync();
        }

        await using var session = await fixture.OpenAsync(Viewport.Phone);
        var survey = await WeighAsync(session.Page, $"/f/{code}?lang=ko");

        output.WriteLine("survey: " + survey.Describe());
        survey.Total.ShouldBeLessThan(50 * Kilobyte, survey.Describe());
    }

    private sealed record Weighed(string Url, long Bytes);

    private sealed record Weight(IReadOnlyList<Weighed> Requests)
    {
        public long Total => Requests.Sum(r => r.Bytes);

        public string Describe() =>
            $"{Total / (double)Kilobyte:0.0} KB in {Requests.Count} requests: " + string.Join(", ", Requests.Select(r => $"{r.Url} {r.Bytes / (double)Kilobyte:0.0} KB"));
    }

    /// <summary>Opens <paramref name="path"/> and adds up every request the load made, once the fonts are in and the network is quiet.</summary>
    private static async Task<Weight> WeighAsync(IPage page, string path)
    {
        var finished = new List<IRequest>();
        void OnFinished(object? sender, IRequest request)
        {
            lock (finished)
            {
                finished.Add(request);
            }
        }

        page.RequestFinished += OnFinished;
        var response = await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        response.ShouldNotBeNull().Ok.ShouldBeTrue($"{path} answered {response.Status}");
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        page.RequestFinished -= OnFinished;

        var weighed = new List<Weighed>();
        List<IRequest> requests;
        lock (finished)
        {
            requests = [.. finished];
        }

        foreach (var request in requests)
        {
            var sizes = await request.SizesAsync();
            weighed.Add(new Weighed(new Uri(request.Url).PathAndQuery, sizes.ResponseHeadersSize + sizes.ResponseBodySize));
        }

        return new Weight(weighed);
    }
}
