using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using ServeWell.Web.Modules.Accounts;
using ServeWell.Web.Modules.Feedback.Intake;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Tests.Modules.Feedback;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Events;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.FollowUps;

/// <summary>
/// Answers told to the follow-up listener exactly as the intake does: stored first (cases reference their answer by
/// foreign key), then told in the same open transaction, with the same scoped context.
/// </summary>
public static class FollowUpTestData
{
    private static long _nextAnswer = Random.Shared.NextInt64(1_000_000, 1_000_000_000) * 1000;

    public static long NewAnswerId() => Interlocked.Increment(ref _nextAnswer);

    public static FeedbackReceived Answer(
        int orgUnitId, int overall = 1, FeedbackContact? contact = null, string language = "ko", DateTime? answeredAt = null, string? comment = "Waited an hour.") =>
        new(NewAnswerId(), orgUnitId, 7, 42, overall, comment, contact, language, answeredAt ?? DateTime.UtcNow,
            new FeedbackMeasures(0, null, null, null, null, null, false, false));

    /// <summary>
    /// Stores the answer (under its own id, at a touchpoint of its unit, unless stored already) and tells every
    /// <see cref="IFeedbackReceived"/> inside one transaction, then commits (or rolls back); returns the case opened, if any.
    /// </summary>
    public static async Task<FollowUpCase?> ReceiveAsync(this AppHost app, FeedbackReceived answer, bool commit = true)
    {
        var touchpoint = await app.TouchpointAtAsync(answer.OrgUnitId);
        answer = answer with { TouchpointId = touchpoint.Id, ServiceId = touchpoint.ServiceId };
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ServeWellDbContext>();
            await using var tx = await db.Database.BeginTransactionAsync();
            if (!await db.FeedbackAnswers.AnyAsync(a => a.Id == answer.AnswerId))
            {
                var stored = new FeedbackAnswer
                {
                    TouchpointId = touchpoint.Id, OrgUnitId = answer.OrgUnitId, ServiceId = touchpoint.ServiceId, Channel = touchpoint.Channel,
                    Overall = answer.Overall, OverallScore = FeedbackAnswer.ToScore(answer.Overall), Comment = answer.Comment,
                    ContactRequested = answer.Contact is not null, Language = answer.Language, AnsweredAt = answer.AnsweredAtUtc, ReceivedAt = DateTime.UtcNow,
                };
                db.FeedbackAnswers.Add(stored);
                db.Entry(stored).Property(a => a.Id).CurrentValue = answer.AnswerId;
                await db.SaveChangesAsync();
            }

            foreach (var listener in scope.ServiceProvider.GetServices<IFeedbackReceived>())
            {
                await listener.FeedbackReceivedAsync(answer, CancellationToken.None);
            }

            if (commit)
            {
                await tx.CommitAsync();
            }
            else
            {
                await tx.RollbackAsync();
            }
        }

        return await app.DbAsync(db => db.Set<FollowUpCase>().AsNoTracking().FirstOrDefaultAsync(c => c.AnswerId == answer.AnswerId));
    }

    /// <summary>An active touchpoint at the unit (the demo's, or one made for it).</summary>
    public static async Task<Touchpoint> TouchpointAtAsync(this AppHost app, int orgUnitId)
    {
        var existing = await app.DbAsync(db => db.Touchpoints.AsNoTracking().Where(t => t.OrgUnitId == orgUnitId && t.RetiredAt == null).OrderBy(t => t.Id).FirstOrDefaultAsync());
        if (existing is not null)
        {
            return existing;
        }

        var code = await app.DbAsync(db => db.OrgUnits.Where(u => u.Id == orgUnitId).Select(u => u.Code).SingleAsync());
        return await app.CreateTouchpointAsync(unitCode: code);
    }

    public static async Task<FollowUpCase> OpenCaseAsync(this AppHost app, string unitCode, FeedbackContact? contact = null, string language = "ko", DateTime? answeredAt = null)
    {
        var unit = await app.UnitAsync(unitCode);
        return await app.ReceiveAsync(Answer(unit.Id, 1, contact, language, answeredAt)) ?? throw new InvalidOperationException("No case opened.");
    }

    /// <summary>A supervisor account scoped to <paramref name="unitCode"/>; returns its email.</summary>
    public static async Task<string> CreateSupervisorAsync(this AppHost app, string unitCode, string? culture = null)
    {
        var email = await app.CreateAccountAsync(Roles.Supervisor);
        var unit = await app.UnitAsync(unitCode);
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        user.ScopeOrgUnitId = unit.Id;
        user.PreferredCulture = culture;
        user.DisplayName = "Supervisor " + email[..12];
        (await users.UpdateAsync(user)).Succeeded.ShouldBeTrue();
        return email;
    }

    public static Task<string> UserIdAsync(this AppHost app, string email) =>
        app.DbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    public static Task<FollowUpCase> CaseAsync(this AppHost app, int id) =>
        app.DbAsync(db => db.Set<FollowUpCase>().AsNoTracking().SingleAsync(c => c.Id == id));

    /// <summary>Posts one of the case page's forms: the one for <paramref name="handler"/> (and, for transitions, the move to <paramref name="to"/>).</summary>
    public static async Task<HttpResponseMessage> PostCaseFormAsync(this StaffClient client, int caseId, string handler, IReadOnlyDictionary<string, string> values, string? to = null)
    {
        var path = $"/FollowUps/Case/{caseId}";
        var page = await client.GetPageAsync(path);
        var form = page.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=" + handler, StringComparison.Ordinal)
                                 && (to is null || f.QuerySelector($"input[name='Form.To'][value='{to}']") is not null))
            ?? throw new InvalidOperationException($"The case page has no {handler} form{(to is null ? "" : " to " + to)}.");
        var fields = Html.FieldsOf(form);
        foreach (var (name, value) in values)
        {
            fields.RemoveAll(f => f.Key == name);
            fields.Add(new(name, value));
        }

        return await client.Http.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields));
    }

    /// <summary>Sends the queued follow-up mail and waits (the app's own loop may be sending it meanwhile) until one to <paramref name="to"/> is there.</summary>
    public static async Task<MimeMessage> WaitForMailAsync(this AppHost app, string to, Func<MimeMessage, bool>? which = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await app.UseAsync<ServeWell.Web.Modules.FollowUps.Notices.FollowUpMailer, int>(m => m.SendPendingAsync(CancellationToken.None));
            var mail = (await app.MailsToAsync(to)).FirstOrDefault(m => which?.Invoke(m) ?? true);
            if (mail is not null || DateTime.UtcNow > deadline)
            {
                return mail ?? throw new InvalidOperationException($"No mail to {to} arrived.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The mails in the fixture's folder to <paramref name="to"/>.</summary>
    public static async Task<List<MimeMessage>> MailsToAsync(this AppHost app, string to)
    {
        var found = new List<MimeMessage>();
        foreach (var file in await app.MailFilesAsync())
        {
            var message = await MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)))
            {
                found.Add(message);
            }
        }

        return found;
    }
}
