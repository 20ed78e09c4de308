using ServeWell.Web.Platform.Localization;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServeWell.Web.BrowserTests.Infrastructure;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Modules.Training.Sessions;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.BrowserTests;

/// <summary>
/// In the room: the instructor shows the rotating QR code, the employee's phone (a second browser at 390×844) opens the
/// address the code holds — decoded from the image with zbarimg, a real QR reader — and is checked in; the instructor's
/// sheet then shows it.
/// </summary>
[Collection(Collections.People)]
public sealed class CheckInTests(BrowserFixture fixture)
{
    [Fact]
    public async Task QrCheckIn_InstructorShowsTheCode_EmployeePhoneScansAndIsCheckedIn()
    {
        var sessionId = await SessionStartingSoonAsync();

        await using var phone = await fixture.OpenAsync(Viewport.Phone);
        await phone.SignInAsync(DemoAccounts.Employee);
        await phone.Page.GotoAsync("/Training/My");
        await Expect(phone.Page.PageHeading()).ToHaveTextAsync("My training");
        await phone.CheckPageAsync("my-training");

        await using var room = await fixture.OpenAsync(Viewport.Desktop);
        await room.SignInAsync(DemoAccounts.Instructor);
        await room.Page.GotoAsync($"/Training/Sessions/{sessionId}/CheckInCode");
        await Expect(room.Page.PageHeading()).ToContainTextAsync("Check in");
        await room.CheckPageAsync("check-in-code");

        // The image and the address it was made from, read together so they belong to the same 10-second step.
        var shown = await room.Page.Locator("#checkin-qr").EvaluateAsync<string[]>("img => [img.getAttribute('src'), img.getAttribute('data-checkin-url')]");
        var decoded = await DecodeQrAsync(shown[0]);
        decoded.ShouldBe(shown[1]);
        var address = new Uri(decoded);
        address.AbsolutePath.ShouldBe($"/Training/CheckIn/{sessionId}");

        await phone.Page.GotoAsync(address.PathAndQuery);
        await Expect(phone.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("You are checked in");
        await phone.CheckPageAsync("checked-in");

        // The script swaps in the next code within a few seconds, without reloading the page.
        await Expect(room.Page.Locator("#checkin-qr")).Not.ToHaveAttributeAsync("data-checkin-url", shown[1], new() { Timeout = 20_000 });

        await room.Page.GotoAsync($"/Training/Sessions/{sessionId}/Attendance");
        await Expect(room.Page.PageHeading()).ToHaveTextAsync("Attendance sheet");
        await Expect(room.Page.GetByRole(AriaRole.Row).Filter(new() { HasText = "QR check-in" })).ToHaveCountAsync(1);
        await room.CheckPageAsync("attendance-sheet");
    }

    [Fact]
    public async Task Registrations_AsTrainingOfficer_ShowThePlacesAndTheWaitlistOfAFullSession()
    {
        await using var session = await fixture.OpenAsync(Viewport.Phone);
        await session.SignInAsync(DemoAccounts.TrainingOfficer);
        int programme, full, waitlisted;
        await using (var scope = fixture.Server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
            var waiting = await db.SessionRegistrations.Where(r => r.State == RegistrationState.Waitlisted).Select(r => r.SessionId).FirstAsync();
            (programme, full) = (await db.TrainingSessions.Where(s => s.Id == waiting).Select(s => s.ProgrammeId).SingleAsync(), waiting);
            // Other tests in this run move the demo employee's place, which promotes someone; count what is waiting now.
            waitlisted = await db.SessionRegistrations.CountAsync(r => r.SessionId == full && r.State == RegistrationState.Waitlisted);
        }

        await session.Page.GotoAsync($"/Training/Programmes/{programme}/Sessions/{full}/Registrations");

        await Expect(session.Page.PageHeading()).ToHaveTextAsync("Registrations");
        await Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = $"Waitlist ({waitlisted})" })).ToBeVisibleAsync();
        await session.CheckPageAsync("registrations");
    }

    /// <summary>
    /// A session of the programme the demo employee is enrolled in, starting in 20 minutes (check-in is open), taught by the
    /// demo instructor, with the demo employee's place moved to it.
    /// </summary>
    private async Task<int> SessionStartingSoonAsync()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<ServeWellDbContext>();
        var employee = await db.Users.Where(u => u.Email == DemoAccounts.Employee).Select(u => u.EmployeeId!.Value).SingleAsync();
        var instructor = await db.Users.Where(u => u.Email == DemoAccounts.Instructor).Select(u => u.EmployeeId!.Value).SingleAsync();
        var instructorNumber = await db.Employees.Where(e => e.Id == instructor).Select(e => e.EmployeeNumber).SingleAsync();
        var programme = await db.Enrolments.Where(e => e.EmployeeId == employee).OrderBy(e => e.ProgrammeId).Select(e => e.ProgrammeId).FirstAsync();
        var start = SessionTime.ToLocal(DateTime.UtcNow.AddMinutes(20), "Asia/Seoul");
        start = new DateTime(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, DateTimeKind.Unspecified);
        var (session, problems) = await services.GetRequiredService<SaveSession>().CreateAsync(programme, new SessionRequest
        {
            Delivery = "InPerson", Start = start, End = start.AddHours(2), TimeZone = "Asia/Seoul", Venue = LocalText.Of("City Hall, room 301", "시청 301호"), Capacity = 30,
            InstructorEmployeeNumber = instructorNumber,
        }, CancellationToken.None);
        session.ShouldNotBeNull(string.Join("; ", problems.Select(p => p.Message)));
        await services.GetRequiredService<SessionRegistrations>().RegisterAsync(session.Id, employee, RegistrationMode.Officer, "browser test", CancellationToken.None);
        return session.Id;
    }

    /// <summary>Decodes a PNG data: address with zbarimg (apt package zbar-tools, installed by scripts/test.sh).</summary>
    private static async Task<string> DecodeQrAsync(string dataUrl)
    {
        const string prefix = "data:image/png;base64,";
        dataUrl.ShouldStartWith(prefix);
        var file = Path.Combine(Path.GetTempPath(), $"servewell-qr-{Guid.NewGuid():N}.png");
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(dataUrl[prefix.Length..]));
        try
        {
            var zbarimg = File.Exists("/usr/bin/zbarimg") ? "/usr/bin/zbarimg"
                : throw new InvalidOperationException("This test reads the QR code with zbarimg: apt-get install -y zbar-tools (scripts/test.sh installs it).");
            using var process = Process.Start(new ProcessStartInfo(zbarimg, ["--raw", "-q", file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            process.ExitCode.ShouldBe(0, "zbarimg found no QR code in the image");
            return text.Trim();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
