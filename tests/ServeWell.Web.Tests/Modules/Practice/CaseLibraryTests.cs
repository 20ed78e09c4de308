using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;

namespace ServeWell.Web.Tests.Modules.Practice;

/// <summary>The case library (ADR-053): lifecycle, who sees the author's original, review before publishing, bad input.</summary>
public abstract class CaseLibraryTests(AppHost app)
{
    private const string Cases = "/api/v1/cases";

    internal static object NewCase(string situationKo, string? lessonKo = null, string title = "반복 민원 응대", string channel = "phone",
        string kind = "inquiry", string[]? tags = null, string[]? competencies = null, string[]? marked = null, string? situationEn = null) => new
    {
        title = new { ko = title, en = "" },
        situation = new { ko = situationKo, en = situationEn ?? "" },
        citizenSaid = new { ko = "같은 답을 다시 요구했다.", en = "" },
        officialDid = new { ko = "절차를 다시 설명했다.", en = "" },
        outcome = new { ko = "민원이 종결되었다.", en = "" },
        lesson = new { ko = lessonKo ?? "처음부터 기록을 남긴다.", en = "" },
        channel,
        kind,
        tags = tags ?? ["repeated"],
        competencies = competencies ?? ["empathy"],
        marked = marked ?? [],
    };

    [Fact]
    public async Task Contribute_ScrubsEveryFieldInOneContext_AndOnlyTheAuthorEverSeesTheOriginal()
    {
        using var author = await app.SignInAsRoleAsync(Roles.Instructor);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);

        var created = await author.Http.PostAsJsonAsync(Cases, NewCase(
            "김민수 씨가 010-1234-5678로 매일 전화했다. 단골가게 사장님 이야기도 했다.",
            lessonKo: "김민수 씨 같은 민원인에게는 처음부터 기록을 남긴다.", marked: ["단골가게"]));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var c = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = c.GetProperty("id").GetInt32();
        var situation = c.GetProperty("situation").GetProperty("ko").GetString()!;
        situation.ShouldBe("민원인 A 씨가 [전화번호 삭제]로 매일 전화했다. 비공개 A 사장님 이야기도 했다.");
        c.GetProperty("lesson").GetProperty("ko").GetString().ShouldBe("민원인 A 씨 같은 민원인에게는 처음부터 기록을 남긴다.");
        c.GetProperty("original").GetProperty("situation").GetProperty("ko").GetString().ShouldStartWith("김민수 씨가 010-1234-5678");

        // A draft is the author's alone: not for reviewers, not for other staff, not on their pages.
        (await officer.GetAsync($"{Cases}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await employee.GetAsync($"{Cases}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await employee.GetAsync($"/Practice/Cases/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await employee.GetAsync($"/Practice/Cases/Edit/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var edit = await author.GetPageAsync($"/Practice/Cases/Edit/{id}");
        edit.Text(".scrub-side-by-side").ShouldContain("010-1234-5678");

        (await author.Http.PostAsync($"{Cases}/{id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.DbAsync(db => db.PracticeCaseOriginals.CountAsync(o => o.CaseId == id))).ShouldBe(0);
        var waiting = await officer.Http.GetStringAsync($"{Cases}/{id}");
        waiting.ShouldNotContain("김민수");
        waiting.ShouldNotContain("5678");
        (await employee.GetAsync($"{Cases}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound); // not before review

        (await officer.Http.PostAsync($"{Cases}/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var published = await employee.Http.GetStringAsync($"{Cases}/{id}");
        published.ShouldNotContain("김민수");
        published.ShouldContain("\"original\":null");
        (await employee.GetPageAsync($"/Practice/Cases/{id}")).Text("main").ShouldNotContain("김민수");

        // The audit trail holds the scrubbed text only.
        var reference = c.GetProperty("reference").GetString()!;
        var audit = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.EntityKey == reference).ToListAsync());
        audit.Count.ShouldBeGreaterThanOrEqualTo(3);
        audit.ShouldAllBe(e => !(e.After ?? "").Contains("김민수") && !(e.Before ?? "").Contains("김민수"));
    }

    [Fact]
    public async Task Review_NeedsASubmittedCase_AnotherReviewer_AndANoteToReturn()
    {
        using var author = await app.SignInAsRoleAsync(Roles.Instructor);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        var id = (await (await author.Http.PostAsJsonAsync(Cases, NewCase("상황 설명"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        (await officer.Http.PostAsync($"{Cases}/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound); // a draft is not theirs to see
        (await employee.Http.PostAsync($"{Cases}/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await author.Http.PostAsync($"{Cases}/{id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await author.Http.PutAsJsonAsync($"{Cases}/{id}", NewCase("고친 상황"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var noNote = await officer.Http.PostAsJsonAsync($"{Cases}/{id}/return", new { note = " " });
        noNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noNote.Content.ReadAsStringAsync()).ShouldContain("Write a note for the author");
        (await officer.Http.PostAsJsonAsync($"{Cases}/{id}/return", new { note = "전화번호 뒷자리도 지워 주세요." })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var mine = await author.Http.GetStringAsync($"{Cases}/mine");
        mine.ShouldContain("\"status\":\"returned\"");
        mine.ShouldContain("전화번호 뒷자리도 지워 주세요.");
        (await author.GetPageAsync("/Practice/Cases/Mine")).Text(".case-list").ShouldContain("전화번호 뒷자리도 지워 주세요.");

        // Edited again and resubmitted, then published by the officer; the author cannot publish their own case.
        (await author.Http.PutAsJsonAsync($"{Cases}/{id}", NewCase("고친 상황"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await author.Http.PostAsync($"{Cases}/{id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.Http.PostAsync($"{Cases}/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.Http.PostAsync($"{Cases}/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Publish_OfTheReviewersOwnCase_IsRefused()
    {
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var id = (await (await officer.Http.PostAsJsonAsync(Cases, NewCase("상황"))).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await officer.Http.PostAsync($"{Cases}/{id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var own = await officer.Http.PostAsync($"{Cases}/{id}/publish", null);
        own.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await own.Content.ReadAsStringAsync()).ShouldContain("Another training officer reviews your own case.");
    }

    [Fact]
    public async Task BadInput_SaysWhatAndWhere_AndWritesNothing()
    {
        using var author = await app.SignInAsRoleAsync(Roles.Instructor);
        var before = await app.DbAsync(db => db.PracticeCases.CountAsync());
        var bad = NewCase(new string('가', 3001), title: "", channel: "fax", competencies: ["empathy", "mind-reading"], tags: ["rude"]);

        var response = await author.Http.PostAsJsonAsync(Cases, bad);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("title")[0].GetString().ShouldBe("Write Title in Korean or English.");
        errors.GetProperty("situation.ko")[0].GetString().ShouldBe("The situation: Korean: at most 3000 characters.");
        errors.GetProperty("channel")[0].GetString()!.ShouldContain("\"fax\" is not one of visit, phone, online, written");
        errors.GetProperty("tags")[0].GetString()!.ShouldContain("\"rude\"");
        errors.GetProperty("competencies")[0].GetString().ShouldBe("Competencies: \"mind-reading\" is not a competency of the catalogue.");
        (await app.DbAsync(db => db.PracticeCases.CountAsync())).ShouldBe(before);

        // A draft may lack texts; sending it to review may not.
        var id = (await (await author.Http.PostAsJsonAsync(Cases, new { title = new { ko = "제목만", en = "" }, channel = "visit", kind = "other" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var submit = await author.Http.PostAsync($"{Cases}/{id}/submit", null);
        submit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await submit.Content.ReadAsStringAsync()).ShouldContain("Write The situation in Korean or English.");
    }

    [Fact]
    public async Task Withdraw_NeedsAReason_TakesTheCaseOutOfSearch_AndKeepsIt()
    {
        using var author = await app.SignInAsRoleAsync(Roles.Instructor);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        var token = TestData.Unique("zq").ToLowerInvariant();
        var id = await PublishAsync(author, officer, NewCase($"철회할 사례 {token}"));
        (await employee.Http.GetStringAsync($"{Cases}?q={token}")).ShouldContain("\"total\":1");

        (await employee.Http.PostAsJsonAsync($"{Cases}/{id}/withdraw", new { reason = "틀림" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await author.Http.PostAsJsonAsync($"{Cases}/{id}/withdraw", new { reason = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await author.Http.PostAsJsonAsync($"{Cases}/{id}/withdraw", new { reason = "당사자가 알아볼 수 있어서" })).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await employee.Http.GetStringAsync($"{Cases}?q={token}")).ShouldContain("\"total\":0");
        (await employee.GetAsync($"{Cases}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var kept = await app.DbAsync(db => db.PracticeCases.AsNoTracking().SingleAsync(c => c.Id == id));
        kept.Note.ShouldBe("당사자가 알아볼 수 있어서");
    }

    [Fact]
    public async Task Search_FindsKoreanWordsWithParticles_EnglishInAnyCase_AndFilters()
    {
        using var author = await app.SignInAsRoleAsync(Roles.Instructor);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var employee = await app.SignInAsRoleAsync(Roles.Employee);
        var token = TestData.Unique("zq").ToLowerInvariant();
        var withParticle = await PublishAsync(author, officer, NewCase($"민원인이 창구에서 소리를 질렀다 {token}", channel: "visit", tags: ["threatening"], competencies: ["empathy"]));
        var english = await PublishAsync(author, officer, NewCase($"{token} 영어 사례", situationEn: "The applicant shouted at the COUNTER about the Permit.", channel: "phone", tags: ["repeated"], competencies: ["active-listening"]));
        await PublishAsync(author, officer, NewCase($"상관없는 사례 {token}", channel: "online"));

        async Task<int[]> Ids(string query)
        {
            var json = await employee.Http.GetFromJsonAsync<JsonElement>($"{Cases}?{query}");
            return [.. json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()).Order()];
        }

        (await Ids($"q=민원인+{token}")).ShouldBe([withParticle]);
        (await Ids($"q=민원인을+{token}")).ShouldBe([]); // "인을" is not in the text: every bigram must be there
        (await Ids($"q=permit+{token}")).ShouldBe([english]);
        (await Ids($"q=PERMIT+Counter+{token}")).ShouldBe([english]);
        (await Ids($"q=applic+{token}")).ShouldBe([english]); // a Latin word is a prefix
        (await Ids($"q={token}&channel=visit")).ShouldBe([withParticle]);
        (await Ids($"q={token}&tag=threatening")).ShouldBe([withParticle]);
        (await Ids($"q={token}&competency=active-listening")).ShouldBe([english]);
        (await Ids($"q={token}&channel=fax")).ShouldBe([]);
        (await Ids($"q={token}")).Length.ShouldBe(3);

        var page = await employee.GetPageAsync($"/Practice/Cases?Q=민원인+{token}");
        page.QuerySelectorAll(".case-list h2 a").Select(a => a.GetAttribute("href")).ShouldBe([$"/Practice/Cases/{withParticle}"]);
    }

    [Fact]
    public async Task ContributePage_SavesTheScrubbedText_ShowsWhatWasRemoved_AndMarksMore()
    {
        using var author = await app.SignInAsRoleAsync(Roles.Supervisor);
        const string path = "/Practice/Cases/Edit";
        var form = await author.GetPageAsync(path);
        using var saved = await author.SubmitAsync(form, path, new Dictionary<string, string>
        {
            ["Form.Title.Ko"] = "주차 위반 과태료 항의",
            ["Form.Situation.Ko"] = "박지영 씨가 hong@example.com으로 항의 메일을 보냈다. 별명은 까치였다.",
            ["Form.Marked"] = "까치",
        }, "Form.Title.Ko");
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = saved.Headers.Location!.OriginalString;
        var id = int.Parse(location.Split('/')[^1].Split('#')[0], System.Globalization.CultureInfo.InvariantCulture);

        var page = await author.GetPageAsync(location.Split('#')[0]);
        page.Text(".notice").ShouldContain("3 items removed");
        var columns = page.QuerySelectorAll(".scrub-text").Select(p => p.TextContent).ToList();
        columns[0].ShouldContain("hong@example.com");
        columns[1].ShouldContain("민원인 A 씨가 [이메일 삭제]으로 항의 메일을 보냈다. 별명은 비공개 A였다.");
        var stored = await app.DbAsync(db => db.PracticeCases.AsNoTracking().SingleAsync(c => c.Id == id));
        stored.Situation.Ko.ShouldNotContain("박지영");
        stored.Situation.Ko.ShouldNotContain("까치");
    }

    private static async Task<int> PublishAsync(StaffClient author, StaffClient officer, object body)
    {
        var created = await author.Http.PostAsJsonAsync(Cases, body);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        (await author.Http.PostAsync($"{Cases}/{id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.Http.PostAsync($"{Cases}/{id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        return id;
    }
}

public sealed class CaseLibrarySqliteTests(SqliteApp app) : CaseLibraryTests(app), IClassFixture<SqliteApp>;

public sealed class CaseLibraryPostgresTests(PostgresApp app) : CaseLibraryTests(app), IClassFixture<PostgresApp>;
