using AngleSharp.Html.Dom;
using ServeWell.Web.Modules.Accounts.ApiKeys;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Platform.Layout;

/// <summary>
/// The server's half of the confirmation dialog and the step indicator (ADR-039): the link that leads to a confirmation
/// is marked for the script, the confirmation page marks the part the dialog shows (its question, its form with the
/// antiforgery token, its way back), the layout carries the dialog's shell, and a flow names its current step.
/// </summary>
public abstract class ConfirmationDialogMarkupTests(AppHost app)
{
    [Fact]
    public async Task RevokeKey_LinkIsMarkedForTheDialog_AndThePageMarksItsQuestionFormAndWayBack()
    {
        var name = TestData.Unique("Dialog markup key ");
        var id = await app.DbAsync(async db =>
        {
            var key = new ApiKey { Name = name, Hint = "dlg12345", KeyHash = ApiKey.Hash(TestData.Unique("secret")), Role = Roles.TrainingOfficer, CreatedAt = DateTime.UtcNow };
            db.ApiKeys.Add(key);
            await db.SaveChangesAsync();
            return key.Id;
        });
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);

        var list = await admin.GetPageAsync("/Admin/ApiKeys");
        var link = list.QuerySelector($"a[href='/Admin/ApiKeys?handler=Revoke&id={id}']");
        link.ShouldNotBeNull();
        link.HasAttribute("data-confirm").ShouldBeTrue("the script opens the dialog only for marked links");
        var shell = list.QuerySelector("template#confirm-dialog").ShouldBeAssignableTo<IHtmlTemplateElement>();
        shell.ShouldNotBeNull().Content.QuerySelector("dialog[aria-labelledby=confirm-dialog-title] h2#confirm-dialog-title").ShouldNotBeNull();

        var confirm = await admin.GetPageAsync(link.GetAttribute("href")!);
        var part = confirm.QuerySelectorAll("[data-confirm-content]").ShouldHaveSingleItem();
        part.Text("h1").ShouldBe($"Revoke the key “{name}”?");
        var form = part.QuerySelector("form[method=post]");
        form.ShouldNotBeNull();
        form.QuerySelector("input[name=__RequestVerificationToken]").ShouldNotBeNull();
        form.QuerySelector("input[name=confirmed][value=true]").ShouldNotBeNull();
        part.QuerySelector("a[data-confirm-back]")?.TextContent.Trim().ShouldBe("Keep the key");
    }

    [Fact]
    public async Task RosterImport_FirstPage_IsStepOneOfThree()
    {
        using var admin = await app.SignInAsRoleAsync(Roles.Administrator);
        var page = await admin.GetPageAsync("/People/Import");

        var steps = page.QuerySelectorAll("ol.krds-step-wrap > li");
        steps.Select(s => s.Text(".step-tit")).ShouldBe(["Upload the file", "Check what would change", "Import"]);
        var current = page.QuerySelectorAll("ol.krds-step-wrap > li[aria-current=step]").ShouldHaveSingleItem();
        current.Text(".step-tit").ShouldBe("Upload the file");
    }
}

public sealed class ConfirmationDialogMarkupSqliteTests(SqliteApp app) : ConfirmationDialogMarkupTests(app), IClassFixture<SqliteApp>;

public sealed class ConfirmationDialogMarkupPostgresTests(PostgresApp app) : ConfirmationDialogMarkupTests(app), IClassFixture<PostgresApp>;
