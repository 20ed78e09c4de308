using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Training.Record;

namespace ServeWell.Web.Tests.Modules.Learning.Courses;

/// <summary>The course editor (ADR-046): deleting draft sections and lessons after a confirmation, and an audit entry per publish.</summary>
public abstract class CourseEditTests(AppHost app)
{
    [Fact]
    public async Task DeleteLesson_AfterConfirmation_LeavesTheDraft_KeepsThePublishedVersion_AndSaysSo()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        var learner = c.Training.People[0];
        await app.OpenLessonAsync(c, learner.Id, c.LessonKeys[1]);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        var editor = await officer.GetPageAsync($"/Learning/Courses/{c.CourseId}");
        var link = editor.QuerySelectorAll("a[data-confirm]").Single(a => a.GetAttribute("href") == $"/Learning/Courses/{c.CourseId}/Delete?lesson={c.LessonKeys[1]}");
        link.GetAttribute("aria-label").ShouldBe("Delete the lesson Listening");
        var confirm = await officer.GetPageAsync(link.GetAttribute("href")!);
        confirm.Text("h1").ShouldBe("Delete the lesson Listening?");
        confirm.Text(".confirm-consequences").ShouldContain("Published versions keep it");
        (await app.DbAsync(db => db.Set<CourseLesson>().CountAsync(l => l.Id == c.LessonKeys[1]))).ShouldBe(1); // nothing yet

        using var done = await officer.SubmitAsync(confirm, link.GetAttribute("href")!, new Dictionary<string, string>(), "confirmed");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await officer.GetPageAsync(done.Headers.Location!.OriginalString);
        after.Text(".notice").ShouldContain("The lesson Listening has been deleted from the draft.");
        after.QuerySelectorAll(".lesson-list a:not([data-confirm])").Select(a => a.TextContent.Trim()).ShouldBe(["Greeting the complainant"]);

        // Version 1 still holds the lesson, and the learner who started it can still open it.
        var version = await app.DbAsync(db => db.CourseVersions.AsNoTracking().SingleAsync(v => v.CourseId == c.CourseId));
        CourseContent.FromJson(version.Content).Lessons.Select(l => l.Key).ShouldBe(c.LessonKeys);
        (await app.OpenLessonAsync(c, learner.Id, c.LessonKeys[1])).ShouldNotBeNull();
        // Publishing the draft now makes a version without it.
        await app.PublishCourseAsync(c.CourseId);
        var latest = await app.DbAsync(db => db.CourseVersions.AsNoTracking().Where(v => v.CourseId == c.CourseId).OrderByDescending(v => v.Number).FirstAsync());
        CourseContent.FromJson(latest.Content).Lessons.Select(l => l.Key).ShouldBe([c.LessonKeys[0]]);
    }

    [Fact]
    public async Task DeleteSection_TakesItsLessons_NewLessonsNeverReuseTheirKeys()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Learning/Courses/{c.CourseId}/Delete?section={c.SectionId}";

        var confirm = await officer.GetPageAsync(path);
        confirm.Text(".confirm-consequences").ShouldContain("its 2 lessons");
        using var done = await officer.SubmitAsync(confirm, path, new Dictionary<string, string>(), "confirmed");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await app.DbAsync(db => db.Set<CourseSection>().CountAsync(s => s.CourseId == c.CourseId))).ShouldBe(0);
        (await app.DbAsync(db => db.Set<CourseLesson>().CountAsync(l => c.LessonKeys.Contains(l.Id)))).ShouldBe(0);
        var section = await app.UseAsync<EditCourse, int>(async edit =>
        {
            var course = (await edit.LoadAsync(c.CourseId, CancellationToken.None))!;
            (await edit.AddSectionAsync(course, new() { En = "Again" }, CancellationToken.None)).ShouldBeEmpty();
            return course.Sections.Single().Id;
        });
        var key = await app.AddLessonAsync(c.CourseId, section, "New", "Text");
        c.LessonKeys.ShouldNotContain(key); // a key in version 1 is never given to another lesson
    }

    [Fact]
    public async Task Delete_WithoutConfirmation_OrOfAnotherCourse_OrByAnEmployee_ChangesNothing()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        var other = await app.CreateCourseCaseAsync(people: 1);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        var path = $"/Learning/Courses/{c.CourseId}/Delete?lesson={c.LessonKeys[0]}";
        var confirm = await officer.GetPageAsync(path);
        using var unconfirmed = await officer.SubmitAsync(confirm, path, new Dictionary<string, string> { ["confirmed"] = "false" }, "confirmed");
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await officer.GetAsync($"/Learning/Courses/{other.CourseId}/Delete?lesson={c.LessonKeys[0]}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var employee = await app.SignInAsEmployeeAsync(c.Training.People[0]);
        (await employee.GetAsync(path)).StatusCode.ShouldNotBe(HttpStatusCode.OK);

        (await app.DbAsync(db => db.Set<CourseLesson>().CountAsync(l => c.LessonKeys.Contains(l.Id)))).ShouldBe(2);
    }

    [Fact]
    public async Task Publish_WritesAnAuditEntry_WithTheVersion()
    {
        var c = await app.CreateCourseCaseAsync(people: 1);
        await app.AddLessonAsync(c.CourseId, c.SectionId, "Closing the call", "Thank them.");
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        var path = $"/Learning/Courses/{c.CourseId}/Publish";

        using var published = await officer.SubmitAsync(await officer.GetPageAsync(path), path, new Dictionary<string, string>(), "confirmed");
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var key = c.CourseId.ToString(CultureInfo.InvariantCulture);
        var entries = await app.DbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == "publish" && e.EntityType == "Course" && e.EntityKey == key).OrderBy(e => e.Id).ToListAsync());
        entries.Count.ShouldBe(2); // version 1 by the test data, version 2 by the officer
        entries[1].ActorName.ShouldBe(Demo.EmailOf(Roles.TrainingOfficer));
        entries[1].After!.ShouldContain("\"version\":2");
        entries[1].After!.ShouldContain("\"lessons\":3");
    }
}

public sealed class CourseEditSqliteTests(SqliteApp app) : CourseEditTests(app), IClassFixture<SqliteApp>;

public sealed class CourseEditPostgresTests(PostgresApp app) : CourseEditTests(app), IClassFixture<PostgresApp>;
