using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ServeWell.Web.Modules.Learning.Courses;
using ServeWell.Web.Modules.Learning.Media;
using ServeWell.Web.Platform.Security;
using ServeWell.Web.Tests.Fixtures;
using ServeWell.Web.Tests.Modules.Learning.Courses;
using ServeWell.Web.Tests.Modules.Training.Record;

namespace ServeWell.Web.Tests.Modules.Learning.Media;

/// <summary>Images, files and video uploaded to a lesson: stored all or nothing, served with ranges to those who may read the lesson, kept by versions (ADR-051).</summary>
public abstract class LessonMediaTests(AppHost app)
{
    [Fact]
    public async Task Upload_StoresEveryKindAndServesItWithItsTypeAndHeaders()
    {
        var c = await app.CreateCourseCaseAsync();
        using var api = app.ApiClient();
        var files = new (string Name, byte[] Bytes)[]
        {
            ("photo.png", MediaSamples.Png()), ("photo.jpg", MediaSamples.Jpeg()), ("photo.webp", MediaSamples.WebP()), ("photo.gif", MediaSamples.Gif()),
            ("guide.pdf", MediaSamples.Pdf()), ("guide.docx", MediaSamples.Docx()), ("sheet.xlsx", MediaSamples.Xlsx()), ("slides.pptx", MediaSamples.Pptx()),
            ("공문.hwp", MediaSamples.Hwp()), ("공문.hwpx", MediaSamples.Hwpx()), ("talk.mp4", MediaSamples.Mp4()), ("talk.vtt", MediaSamples.WebVtt()),
        };

        using var upload = await UploadAsync(api, c, c.LessonKeys[0], files, alts: ["A", "B", "C", "D"], language: "ko");
        upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var media = await upload.Content.ReadFromJsonAsync<List<LessonMediumDto>>();
        media.ShouldNotBeNull().Count.ShouldBe(files.Length);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        foreach (var (medium, (_, bytes)) in media.Zip(files))
        {
            using var served = await officer.GetAsync(medium.Url);
            served.StatusCode.ShouldBe(HttpStatusCode.OK, medium.FileName);
            served.Content.Headers.ContentType!.MediaType.ShouldBe(medium.ContentType);
            (await served.Content.ReadAsByteArrayAsync()).ShouldBe(bytes);
            served.Headers.GetValues("X-Content-Type-Options").ShouldContain("nosniff");
            served.Headers.ETag.ShouldNotBeNull();
            served.Headers.CacheControl!.Private.ShouldBeTrue();
            (served.Content.Headers.ContentDisposition?.DispositionType).ShouldBe(medium.Kind == "File" ? "attachment" : null, medium.FileName);
        }

        media[0].Markdown.ShouldBe($"![A](/Learning/Media/{media[0].Id}/photo.png)");
        media[4].Markdown.ShouldBe($"[guide.pdf](/Learning/Media/{media[4].Id}/guide.pdf)");
        media[11].Language.ShouldBe("ko");
    }

    [Fact]
    public async Task Upload_RefusesARenamedProgramWrongBytesAndAnOversizeFile_AndStoresNothingOfTheUpload()
    {
        var c = await app.CreateCourseCaseAsync();
        using var api = app.ApiClient();

        using var program = await UploadAsync(api, c, c.LessonKeys[0], [("photo.png", MediaSamples.Png()), ("holiday.png", MediaSamples.Program())], alts: ["A", "B"]);
        using var wrongBytes = await UploadAsync(api, c, c.LessonKeys[0], [("guide.pdf", "not a PDF at all"u8.ToArray())]);
        using var oversize = await UploadAsync(api, c, c.LessonKeys[0], [("big.vtt", [.. "WEBVTT\n\n"u8, .. new byte[1536 * 1024]])], language: "en");
        using var noAlt = await UploadAsync(api, c, c.LessonKeys[0], [("photo.png", MediaSamples.Png())]);

        program.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await program.Content.ReadAsStringAsync()).ShouldContain("holiday.png");
        (await program.Content.ReadAsStringAsync()).ShouldContain("program");
        (await wrongBytes.Content.ReadAsStringAsync()).ShouldContain("guide.pdf");
        wrongBytes.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        oversize.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var tooBig = await oversize.Content.ReadAsStringAsync();
        tooBig.ShouldContain("big.vtt");
        tooBig.ShouldContain("1.5 MB"); // its size
        tooBig.ShouldContain("1.0 MB"); // the limit
        noAlt.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noAlt.Content.ReadAsStringAsync()).ShouldContain("alt text");
        (await app.DbAsync(db => db.LessonMedia.CountAsync(m => m.CourseId == c.CourseId))).ShouldBe(0);
    }

    [Fact]
    public async Task Video_IsServedWithRangeRequests()
    {
        var c = await app.CreateCourseCaseAsync();
        using var api = app.ApiClient();
        var bytes = MediaSamples.Mp4(4000);
        using var upload = await UploadAsync(api, c, c.LessonKeys[0], [("talk.mp4", bytes)]);
        var video = (await upload.Content.ReadFromJsonAsync<List<LessonMediumDto>>())!.Single();
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);
        using var whole = await officer.GetAsync(video.Url);

        using var first = await RangeAsync(officer, video.Url, "bytes=0-9");
        using var middle = await RangeAsync(officer, video.Url, "bytes=1000-1499");
        using var suffix = await RangeAsync(officer, video.Url, "bytes=-100");
        using var beyond = await RangeAsync(officer, video.Url, "bytes=5000-6000");
        using var sameVersion = await RangeAsync(officer, video.Url, "bytes=0-9", ifRange: whole.Headers.ETag!.Tag);
        using var changed = await RangeAsync(officer, video.Url, "bytes=0-9", ifRange: "\"something-else\"");

        whole.Headers.AcceptRanges.ShouldContain("bytes");
        first.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await first.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[..10]);
        first.Content.Headers.ContentRange!.ToString().ShouldBe("bytes 0-9/4000");
        middle.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await middle.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[1000..1500]);
        suffix.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        (await suffix.Content.ReadAsByteArrayAsync()).ShouldBe(bytes[^100..]);
        beyond.StatusCode.ShouldBe(HttpStatusCode.RequestedRangeNotSatisfiable);
        beyond.Content.Headers.ContentRange!.ToString().ShouldBe("bytes */4000");
        sameVersion.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await changed.Content.ReadAsByteArrayAsync()).Length.ShouldBe(4000);
    }

    [Fact]
    public async Task An_uploaded_video_plays_in_the_lesson_with_its_captions_and_a_second_video_is_refused()
    {
        var c = await app.CreateCourseCaseAsync();
        using var api = app.ApiClient();
        using var upload = await UploadAsync(api, c, c.LessonKeys[1], [("talk.mp4", MediaSamples.Mp4()), ("talk.vtt", MediaSamples.WebVtt())], language: "en");
        using var second = await UploadAsync(api, c, c.LessonKeys[1], [("again.mp4", MediaSamples.Mp4())]);
        var media = (await upload.Content.ReadFromJsonAsync<List<LessonMediumDto>>())!;
        await app.PublishCourseAsync(c.CourseId);
        using var learner = await app.SignInAsEmployeeAsync(c.Training.People[0]);

        var page = await learner.GetPageAsync($"/Learning/Programmes/{c.Training.Programme.Id}/Lessons/{c.LessonKeys[1]}?lang=en");
        using var captions = await learner.GetAsync(media[1].Url);

        var video = page.QuerySelector("video[controls]").ShouldNotBeNull();
        video.GetAttribute("src").ShouldBe(media[0].Url);
        video.GetAttribute("aria-label").ShouldNotBeNullOrWhiteSpace();
        var track = video.QuerySelector("track[kind=captions]").ShouldNotBeNull();
        track.GetAttribute("srclang").ShouldBe("en");
        track.GetAttribute("src").ShouldBe(media[1].Url);
        captions.Content.Headers.ContentType!.MediaType.ShouldBe("text/vtt");
        second.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await second.Content.ReadAsStringAsync()).ShouldContain("one uploaded video");
    }

    [Fact]
    public async Task Media_AreServedToEnrolledLearnersOfAVersionThatListsThem_AndToNoOneElse()
    {
        var c = await app.CreateCourseCaseAsync();
        using var api = app.ApiClient();
        var image = await UploadImageAsync(api, c);
        var learner = c.Training.People[0];
        var stranger = (await app.CreateTrainingCaseAsync(people: 1)).People[0];
        using var learnerClient = await app.SignInAsEmployeeAsync(learner);
        using var strangerClient = await app.SignInAsEmployeeAsync(stranger);
        using var anonymous = app.Anonymous();

        using var beforePublishing = await learnerClient.GetAsync(image.Url);
        await PutInLessonAsync(c, c.LessonKeys[0], image);
        await app.PublishCourseAsync(c.CourseId);
        using var enrolled = await learnerClient.GetAsync(image.Url);
        using var notEnrolled = await strangerClient.GetAsync(image.Url);
        using var signedOut = await anonymous.GetAsync(image.Url);
        var page = await learnerClient.GetPageAsync($"/Learning/Programmes/{c.Training.Programme.Id}/Lessons/{c.LessonKeys[0]}");

        beforePublishing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        enrolled.StatusCode.ShouldBe(HttpStatusCode.OK);
        notEnrolled.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        signedOut.IsSuccessStatusCode.ShouldBeFalse();
        page.QuerySelector($".lesson-body img[src='{image.Url}']").ShouldNotBeNull().GetAttribute("alt").ShouldBe("A map of the counter");
    }

    [Fact]
    public async Task A_learner_who_started_a_version_keeps_its_media_after_they_leave_the_draft()
    {
        var c = await app.CreateCourseCaseAsync();
        using var api = app.ApiClient();
        var image = await UploadImageAsync(api, c);
        await PutInLessonAsync(c, c.LessonKeys[0], image);
        await app.PublishCourseAsync(c.CourseId);
        var (early, late) = (c.Training.People[0], c.Training.People[1]);
        (await app.OpenLessonAsync(c, early.Id, c.LessonKeys[0])).ShouldNotBeNull();

        using var removed = await api.DeleteAsync($"/api/v1/courses/{c.CourseId}/lessons/{c.LessonKeys[0]}/media/{image.Id}");
        await app.UseAsync<EditCourse, int>(async edit =>
        {
            var course = (await edit.LoadAsync(c.CourseId, CancellationToken.None))!;
            var lesson = course.Sections.SelectMany(s => s.Lessons).Single(l => l.Id == c.LessonKeys[0]);
            await edit.SaveLessonAsync(course, lesson.SectionId, lesson.Id, new LessonForm { Title = new() { En = "Greeting" }, Body = new() { En = "No picture now." }, Minutes = 5 }, CancellationToken.None);
            return 0;
        });
        (await app.PublishCourseAsync(c.CourseId)).ShouldBe(3);
        using var earlyClient = await app.SignInAsEmployeeAsync(early);
        using var lateClient = await app.SignInAsEmployeeAsync(late);
        var earlyPage = await earlyClient.GetPageAsync($"/Learning/Programmes/{c.Training.Programme.Id}/Lessons/{c.LessonKeys[0]}");
        using var earlyImage = await earlyClient.GetAsync(image.Url);
        using var lateImage = await lateClient.GetAsync(image.Url);
        using var list = await api.GetAsync($"/api/v1/courses/{c.CourseId}/lessons/{c.LessonKeys[0]}/media");

        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        earlyPage.QuerySelector($".lesson-body img[src='{image.Url}']").ShouldNotBeNull();
        earlyImage.StatusCode.ShouldBe(HttpStatusCode.OK);
        lateImage.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await list.Content.ReadFromJsonAsync<List<LessonMediumDto>>()).ShouldNotBeNull().ShouldBeEmpty();
        (await app.DbAsync(db => db.LessonMedia.SingleAsync(m => m.Id == image.Id))).RemovedAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_medium_no_version_lists_is_deleted_with_its_bytes_and_only_training_officers_manage_media()
    {
        var c = await app.CreateCourseCaseAsync();
        using var api = app.ApiClient();
        var image = await UploadImageAsync(api, c);
        using var learner = await app.SignInAsEmployeeAsync(c.Training.People[0]);
        await learner.SendAntiforgeryHeaderAsync();

        using var learnerList = await learner.GetAsync($"/api/v1/courses/{c.CourseId}/lessons/{c.LessonKeys[0]}/media");
        using var learnerDelete = await learner.Http.DeleteAsync($"/api/v1/courses/{c.CourseId}/lessons/{c.LessonKeys[0]}/media/{image.Id}");
        using var removed = await api.DeleteAsync($"/api/v1/courses/{c.CourseId}/lessons/{c.LessonKeys[0]}/media/{image.Id}");
        using var unknownLesson = await UploadAsync(api, c, 999_999, [("photo.png", MediaSamples.Png())], alts: ["x"]);

        learnerList.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        learnerDelete.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        removed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        unknownLesson.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.DbAsync(db => db.LessonMedia.AnyAsync(m => m.Id == image.Id))).ShouldBeFalse();
        (await app.DbAsync(db => db.MediumChunks.AnyAsync(m => m.MediumId == image.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_editor_lists_media_with_snippets_and_removing_asks_for_confirmation()
    {
        var c = await app.CreateCourseCaseAsync();
        using var api = app.ApiClient();
        var image = await UploadImageAsync(api, c);
        using var officer = await app.SignInAsRoleAsync(Roles.TrainingOfficer);

        var editor = await officer.GetPageAsync($"/Learning/Courses/{c.CourseId}/Lessons/{c.LessonKeys[0]}");
        var mediaPage = await officer.GetPageAsync($"/Learning/Courses/{c.CourseId}/Lessons/{c.LessonKeys[0]}/Media");
        var confirm = await officer.GetPageAsync($"/Learning/Courses/{c.CourseId}/Lessons/{c.LessonKeys[0]}/Media/{image.Id}/Remove");
        var removePath = $"/Learning/Courses/{c.CourseId}/Lessons/{c.LessonKeys[0]}/Media/{image.Id}/Remove";
        using var unconfirmed = await officer.SubmitAsync(confirm, removePath, new Dictionary<string, string> { ["confirmed"] = "false" });
        var keptAfterUnconfirmed = await app.DbAsync(db => db.LessonMedia.AnyAsync(m => m.Id == image.Id));
        using var confirmed = await officer.SubmitAsync(confirm, removePath, new Dictionary<string, string> { ["confirmed"] = "true" });

        editor.QuerySelector("input.snippet")!.GetAttribute("value").ShouldBe(image.Markdown);
        mediaPage.QuerySelector("input[type=file][name=Files]").ShouldNotBeNull();
        mediaPage.Body!.TextContent.ShouldContain("10.0 MB"); // the image limit, stated
        confirm.QuerySelector("form button[type=submit]").ShouldNotBeNull();
        unconfirmed.IsSuccessStatusCode.ShouldBeTrue();
        keptAfterUnconfirmed.ShouldBeTrue();
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.DbAsync(db => db.LessonMedia.AnyAsync(m => m.Id == image.Id))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_media_api_is_in_the_OpenAPI_document_and_the_served_files_are_not()
    {
        using var api = app.ApiClient();

        var paths = (await api.GetOkAsync<System.Text.Json.JsonElement>("/openapi/v1.json")).GetProperty("paths");

        var media = paths.GetProperty("/api/v1/courses/{id}/lessons/{key}/media");
        media.TryGetProperty("get", out _).ShouldBeTrue();
        media.TryGetProperty("post", out _).ShouldBeTrue();
        paths.GetProperty("/api/v1/courses/{id}/lessons/{key}/media/{mediumId}").TryGetProperty("delete", out _).ShouldBeTrue();
        paths.EnumerateObject().ShouldNotContain(p => p.Name.StartsWith("/Learning/Media", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<LessonMediumDto> UploadImageAsync(HttpClient api, CourseCase c)
    {
        using var upload = await UploadAsync(api, c, c.LessonKeys[0], [("counter.png", MediaSamples.Png())], alts: ["A map of the counter"]);
        upload.StatusCode.ShouldBe(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        return (await upload.Content.ReadFromJsonAsync<List<LessonMediumDto>>())!.Single();
    }

    /// <summary>Writes the medium's snippet, without its alt text (the stored one fills in), into the lesson's Markdown.</summary>
    private Task PutInLessonAsync(CourseCase c, int key, LessonMediumDto medium) =>
        app.UseAsync<EditCourse, int>(async edit =>
        {
            var course = (await edit.LoadAsync(c.CourseId, CancellationToken.None))!;
            var lesson = course.Sections.SelectMany(s => s.Lessons).Single(l => l.Id == key);
            var (saved, problems) = await edit.SaveLessonAsync(course, lesson.SectionId, lesson.Id, new LessonForm
            {
                Title = new() { En = "Greeting" }, Body = new() { En = $"Look:\n\n![]({medium.Url})" }, Minutes = 5,
            }, CancellationToken.None);
            problems.ShouldBeEmpty();
            return saved!.Id;
        });

    private static async Task<HttpResponseMessage> UploadAsync(
        HttpClient api, CourseCase c, int key, IEnumerable<(string Name, byte[] Bytes)> files, string[]? alts = null, string? language = null)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "file", name);
        }

        foreach (var alt in alts ?? [])
        {
            form.Add(new StringContent(alt), "alt");
        }

        if (language is not null)
        {
            form.Add(new StringContent(language), "language");
        }

        return await api.PostAsync($"/api/v1/courses/{c.CourseId}/lessons/{key}/media", form);
    }

    private static Task<HttpResponseMessage> RangeAsync(StaffClient client, string url, string range, string? ifRange = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Range", range);
        if (ifRange is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Range", ifRange);
        }

        return client.Http.SendAsync(request);
    }
}

public sealed class LessonMediaSqliteTests(SqliteApp app) : LessonMediaTests(app), IClassFixture<SqliteApp>;

public sealed class LessonMediaPostgresTests(PostgresApp app) : LessonMediaTests(app), IClassFixture<PostgresApp>;
