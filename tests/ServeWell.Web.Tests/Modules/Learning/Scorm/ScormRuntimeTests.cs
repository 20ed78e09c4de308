using ServeWell.Web.Modules.Learning.Scorm;
using Shouldly;

namespace ServeWell.Web.Tests.Modules.Learning.Scorm;

public sealed class ScormRuntimeTests
{
    private static readonly DateTime Now = new(2026, 12, 6, 5, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void SCORM_2004_success_and_completion_fold_into_one_status_and_the_scaled_score_is_kept_out_of_100()
    {
        var attempt = new ScormAttempt();

        var errors = ScormRuntime.Commit(ScormVersion.Scorm2004, attempt, null, new Dictionary<string, string>
        {
            ["cmi.completion_status"] = "completed", ["cmi.success_status"] = "passed", ["cmi.score.scaled"] = "0.9", ["cmi.session_time"] = "PT1H2M3.5S",
            ["cmi.location"] = "slide-12", ["cmi.interactions.0.id"] = "q1",
        }, finish: true, Now);

        errors.ShouldBeEmpty();
        attempt.LessonStatus.ShouldBe("passed");
        attempt.ScoreRaw.ShouldBe(90m);
        attempt.TotalSeconds.ShouldBe(3723.5m);
        attempt.CompletedAt.ShouldBe(Now);
        ScormRuntime.Initial(ScormVersion.Scorm2004, attempt, null, "7", "Kim")["cmi.completion_status"].ShouldBe("completed");
        ScormRuntime.Initial(ScormVersion.Scorm2004, attempt, null, "7", "Kim")["cmi.total_time"].ShouldBe("PT1H2M3.5S");
    }

    [Fact]
    public void A_SCO_that_never_reports_a_status_stays_incomplete_nothing_is_completed_for_it()
    {
        var attempt = new ScormAttempt();

        ScormRuntime.Commit(ScormVersion.Scorm12, attempt, null, new Dictionary<string, string> { ["cmi.core.session_time"] = "00:05:00" }, finish: true, Now).ShouldBeEmpty();

        attempt.LessonStatus.ShouldBe("incomplete");
        attempt.CompletedAt.ShouldBeNull();
        ScormRuntime.Initial(ScormVersion.Scorm12, attempt, null, "7", "Kim")["cmi.core.total_time"].ShouldBe("0000:05:00.00");
    }

    [Fact]
    public void Below_the_mastery_score_completed_becomes_failed_and_the_first_completion_keeps_its_date()
    {
        var attempt = new ScormAttempt();
        ScormRuntime.Commit(ScormVersion.Scorm12, attempt, 80, new Dictionary<string, string> { ["cmi.core.lesson_status"] = "completed", ["cmi.core.score.raw"] = "60" }, false, Now);
        attempt.LessonStatus.ShouldBe("failed");
        attempt.CompletedAt.ShouldBeNull();

        ScormRuntime.Commit(ScormVersion.Scorm12, attempt, 80, new Dictionary<string, string> { ["cmi.core.lesson_status"] = "completed", ["cmi.core.score.raw"] = "95" }, false, Now.AddDays(1));
        ScormRuntime.Commit(ScormVersion.Scorm12, attempt, 80, new Dictionary<string, string> { ["cmi.core.lesson_status"] = "completed" }, false, Now.AddDays(2));

        attempt.LessonStatus.ShouldBe("passed");
        attempt.CompletedAt.ShouldBe(Now.AddDays(1));
    }

    [Theory]
    [InlineData("cmi.core.session_time", "12:30", "not a time span HHHH:MM:SS.SS")]
    [InlineData("cmi.core.score.raw", "101", "not a number from 0 to 100")]
    [InlineData("cmi.core.exit", "crash", "not one of time-out, suspend, logout or empty")]
    [InlineData("cmi.core.total_time", "0001:00:00", "read-only or not in the data model")]
    [InlineData("window.location", "x", "not a SCORM data model element")]
    public void A_SCORM_12_value_outside_the_data_model_is_named(string element, string value, string why) =>
        ScormRuntime.Commit(ScormVersion.Scorm12, new ScormAttempt(), null, new Dictionary<string, string> { [element] = value }, false, Now)
            .ShouldHaveSingleItem().ShouldBe(new ScormValueError(element, value, why));

    [Fact]
    public void Suspend_data_longer_than_SCORM_12_allows_is_refused_but_2004_takes_it()
    {
        var long12 = new string('x', 4097);
        ScormRuntime.Commit(ScormVersion.Scorm12, new ScormAttempt(), null, new Dictionary<string, string> { ["cmi.suspend_data"] = long12 }, false, Now)
            .ShouldHaveSingleItem().Why.ShouldBe("longer than 4096 characters");
        ScormRuntime.Commit(ScormVersion.Scorm2004, new ScormAttempt(), null, new Dictionary<string, string> { ["cmi.suspend_data"] = long12 }, false, Now).ShouldBeEmpty();
    }
}
