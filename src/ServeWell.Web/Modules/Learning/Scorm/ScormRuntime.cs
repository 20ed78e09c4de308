using System.Globalization;
using System.Text.RegularExpressions;

namespace ServeWell.Web.Modules.Learning.Scorm;

/// <summary>One value the server would not take from a SCO: which element, the value, and why.</summary>
public sealed record ScormValueError(string Element, string Value, string Why);

/// <summary>
/// The server's half of the SCORM run-time (ADR-043): the values a SCO sets through <c>window.API</c> (1.2) or
/// <c>window.API_1484_11</c> (2004), checked against the data model and stored on the learner's attempt. A commit is
/// taken whole or not at all. The status is only what the SCO reported (an attempt launched but never reported stays
/// "incomplete"; nothing is marked complete on the learner's behalf), save that a mastery score in the manifest turns a
/// scored "completed" into "passed" or "failed" as SCORM 1.2 says.
/// </summary>
public static partial class ScormRuntime
{
    public const string NotAttempted = "not attempted";

    public const int MaxLocation12 = 255;
    public const int MaxSuspendData12 = 4096;
    public const int MaxLocation2004 = 1000;
    public const int MaxSuspendData2004 = 64000;

    private static readonly string[] LessonStatuses12 = ["passed", "completed", "failed", "incomplete", "browsed"];
    private static readonly string[] Exits12 = ["", "time-out", "suspend", "logout"];
    private static readonly string[] CompletionStatuses2004 = ["completed", "incomplete", "not attempted", "unknown"];
    private static readonly string[] SuccessStatuses2004 = ["passed", "failed", "unknown"];
    private static readonly string[] Exits2004 = ["", "time-out", "suspend", "logout", "normal"];

    /// <summary>Elements a SCO may write that ServeWell accepts without keeping (interactions, objectives, comments, preferences).</summary>
    private static readonly string[] AcceptedNotKept =
    [
        "cmi.comments", "cmi.interactions.", "cmi.objectives.", "cmi.student_preference.", "cmi.comments_from_learner.",
        "cmi.learner_preference.", "cmi.progress_measure",
    ];

    public static bool IsComplete(string lessonStatus) => lessonStatus is "completed" or "passed";

    /// <summary>Checks every value first, then applies them all; on any error nothing changes.</summary>
    public static IReadOnlyList<ScormValueError> Commit(ScormVersion version, ScormAttempt attempt, decimal? masteryScore, IReadOnlyDictionary<string, string> values, bool finish, DateTime now)
    {
        var errors = new List<ScormValueError>();
        var changes = new List<Action>();
        foreach (var (element, raw) in values)
        {
            var value = raw ?? "";
            var why = version == ScormVersion.Scorm12 ? Plan12(attempt, element, value, changes) : Plan2004(attempt, element, value, changes, values.ContainsKey("cmi.score.raw"));
            if (why is not null)
            {
                errors.Add(new ScormValueError(element, value.Length > 100 ? value[..100] + "…" : value, why));
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        foreach (var change in changes)
        {
            change();
        }

        if (attempt.LessonStatus == NotAttempted)
        {
            attempt.LessonStatus = "incomplete";
        }

        if (masteryScore is { } mastery && attempt.ScoreRaw is { } score && attempt.LessonStatus is "completed" or "passed" or "failed")
        {
            attempt.LessonStatus = score >= mastery ? "passed" : "failed";
        }

        attempt.LastCommitAt = now;
        if (attempt.CompletedAt is null && IsComplete(attempt.LessonStatus))
        {
            attempt.CompletedAt = now;
        }

        if (finish)
        {
            EndSession(attempt);
        }

        return errors;
    }

    /// <summary>Folds the session's reported time into the total; also for a session left without LMSFinish.</summary>
    public static void EndSession(ScormAttempt attempt)
    {
        if (attempt.SessionSeconds > 0 || attempt.LastCommitAt is not null)
        {
            attempt.TotalSeconds += attempt.SessionSeconds;
            attempt.SessionSeconds = 0;
            attempt.Sessions++;
        }
    }

    /// <summary>What the SCO reads at launch (LMSGetValue / GetValue), in its version's words.</summary>
    public static IReadOnlyDictionary<string, string> Initial(ScormVersion version, ScormAttempt attempt, decimal? masteryScore, string learnerId, string learnerName)
    {
        var entry = attempt.Exit == "suspend" || attempt.LessonLocation.Length > 0 || attempt.SuspendData.Length > 0 ? "resume" : "ab-initio";
        string Score(decimal? d) => d?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
        if (version == ScormVersion.Scorm12)
        {
            return new Dictionary<string, string>
            {
                ["cmi.core._children"] = "student_id,student_name,lesson_location,credit,lesson_status,entry,score,total_time,lesson_mode,exit,session_time",
                ["cmi.core.student_id"] = learnerId,
                ["cmi.core.student_name"] = learnerName,
                ["cmi.core.lesson_location"] = attempt.LessonLocation,
                ["cmi.core.credit"] = "credit",
                ["cmi.core.lesson_status"] = attempt.LessonStatus,
                ["cmi.core.entry"] = entry,
                ["cmi.core.score._children"] = "raw,min,max",
                ["cmi.core.score.raw"] = Score(attempt.ScoreRaw),
                ["cmi.core.score.min"] = Score(attempt.ScoreMin),
                ["cmi.core.score.max"] = Score(attempt.ScoreMax),
                ["cmi.core.total_time"] = Timespan12(attempt.TotalSeconds),
                ["cmi.core.lesson_mode"] = "normal",
                ["cmi.suspend_data"] = attempt.SuspendData,
                ["cmi.launch_data"] = "",
                ["cmi.comments"] = "",
                ["cmi.comments_from_lms"] = "",
                ["cmi.student_data._children"] = "mastery_score",
                ["cmi.student_data.mastery_score"] = Score(masteryScore),
                ["cmi.interactions._count"] = "0",
                ["cmi.objectives._count"] = "0",
            };
        }

        var completion = attempt.LessonStatus switch
        {
            "completed" or "passed" or "failed" => "completed",
            NotAttempted => "not attempted",
            _ => "incomplete",
        };
        var success = attempt.LessonStatus switch { "passed" => "passed", "failed" => "failed", _ => attempt.SuccessStatus };
        return new Dictionary<string, string>
        {
            ["cmi._version"] = "1.0",
            ["cmi.learner_id"] = learnerId,
            ["cmi.learner_name"] = learnerName,
            ["cmi.location"] = attempt.LessonLocation,
            ["cmi.credit"] = "credit",
            ["cmi.mode"] = "normal",
            ["cmi.entry"] = entry,
            ["cmi.completion_status"] = completion,
            ["cmi.success_status"] = success,
            ["cmi.score._children"] = "scaled,raw,min,max",
            ["cmi.score.raw"] = Score(attempt.ScoreRaw),
            ["cmi.score.min"] = Score(attempt.ScoreMin),
            ["cmi.score.max"] = Score(attempt.ScoreMax),
            ["cmi.score.scaled"] = attempt.ScoreRaw is { } r && attempt.ScoreMax is { } max && max > (attempt.ScoreMin ?? 0) ? Score(Math.Round((r - (attempt.ScoreMin ?? 0)) / (max - (attempt.ScoreMin ?? 0)), 4)) : "",
            ["cmi.scaled_passing_score"] = masteryScore is { } m ? Score(m / 100m) : "",
            ["cmi.total_time"] = Duration2004(attempt.TotalSeconds),
            ["cmi.suspend_data"] = attempt.SuspendData,
            ["cmi.launch_data"] = "",
            ["cmi.interactions._count"] = "0",
            ["cmi.objectives._count"] = "0",
            ["cmi.comments_from_learner._count"] = "0",
            ["cmi.comments_from_lms._count"] = "0",
        };
    }

    private static string? Plan12(ScormAttempt a, string element, string value, List<Action> changes)
    {
        switch (element)
        {
            case "cmi.core.lesson_status":
                if (!LessonStatuses12.Contains(value))
                {
                    return "not one of passed, completed, failed, incomplete, browsed";
                }

                changes.Add(() => a.LessonStatus = value);
                return null;
            case "cmi.core.score.raw" or "cmi.core.score.min" or "cmi.core.score.max":
                if (!Blank(value) && !Decimal(value, 0, 100, out _))
                {
                    return "not a number from 0 to 100";
                }

                var score = Blank(value) ? (decimal?)null : decimal.Parse(value, CultureInfo.InvariantCulture);
                changes.Add(element switch
                {
                    "cmi.core.score.raw" => () => a.ScoreRaw = score,
                    "cmi.core.score.min" => () => a.ScoreMin = score,
                    _ => () => a.ScoreMax = score,
                });
                return null;
            case "cmi.core.session_time":
                var m = Timespan12Pattern().Match(value);
                if (!m.Success)
                {
                    return "not a time span HHHH:MM:SS.SS";
                }

                var seconds = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 3600m + int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) * 60m
                    + decimal.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
                changes.Add(() => a.SessionSeconds = seconds);
                return null;
            case "cmi.core.lesson_location":
                return Text(value, MaxLocation12, () => a.LessonLocation = value, changes);
            case "cmi.suspend_data":
                return Text(value, MaxSuspendData12, () => a.SuspendData = value, changes);
            case "cmi.core.exit":
                if (!Exits12.Contains(value))
                {
                    return "not one of time-out, suspend, logout or empty";
                }

                changes.Add(() => a.Exit = value);
                return null;
            default:
                return Other(element);
        }
    }

    private static string? Plan2004(ScormAttempt a, string element, string value, List<Action> changes, bool rawGiven)
    {
        switch (element)
        {
            case "cmi.completion_status":
                if (!CompletionStatuses2004.Contains(value))
                {
                    return "not one of completed, incomplete, not attempted, unknown";
                }

                changes.Add(() =>
                {
                    if (a.LessonStatus is not ("passed" or "failed"))
                    {
                        a.LessonStatus = value == "completed" ? "completed" : value == "not attempted" ? NotAttempted : "incomplete";
                    }
                });
                return null;
            case "cmi.success_status":
                if (!SuccessStatuses2004.Contains(value))
                {
                    return "not one of passed, failed, unknown";
                }

                // Queued after the completion status (dictionary order is the SCO's order; success wins either way).
                changes.Add(() =>
                {
                    a.SuccessStatus = value;
                    if (value is "passed" or "failed")
                    {
                        a.LessonStatus = value;
                    }
                });
                return null;
            case "cmi.score.scaled":
                if (!Blank(value) && !Decimal(value, -1, 1, out _))
                {
                    return "not a number from -1 to 1";
                }

                // Many SCORM 2004 courses report only the scaled score: kept as a score out of 100.
                if (!rawGiven && !Blank(value))
                {
                    var scaled = decimal.Parse(value, CultureInfo.InvariantCulture);
                    changes.Add(() => (a.ScoreRaw, a.ScoreMin, a.ScoreMax) = (Math.Round(scaled * 100, 2), 0, 100));
                }

                return null;
            case "cmi.score.raw" or "cmi.score.min" or "cmi.score.max":
                if (!Blank(value) && !Decimal(value, decimal.MinValue, decimal.MaxValue, out _))
                {
                    return "not a number";
                }

                var score = Blank(value) ? (decimal?)null : decimal.Parse(value, CultureInfo.InvariantCulture);
                changes.Add(element switch
                {
                    "cmi.score.raw" => () => a.ScoreRaw = score,
                    "cmi.score.min" => () => a.ScoreMin = score,
                    _ => () => a.ScoreMax = score,
                });
                return null;
            case "cmi.session_time":
                var m = Duration2004Pattern().Match(value);
                if (!m.Success || value is "P" || value.EndsWith('T'))
                {
                    return "not an ISO 8601 duration such as PT1H2M3S";
                }

                decimal Part(int g, decimal unit) => m.Groups[g].Success ? decimal.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) * unit : 0;
                var seconds = Part(1, 365 * 86400m) + Part(2, 30 * 86400m) + Part(3, 86400m) + Part(4, 3600m) + Part(5, 60m) + Part(6, 1m);
                changes.Add(() => a.SessionSeconds = seconds);
                return null;
            case "cmi.location":
                return Text(value, MaxLocation2004, () => a.LessonLocation = value, changes);
            case "cmi.suspend_data":
                return Text(value, MaxSuspendData2004, () => a.SuspendData = value, changes);
            case "cmi.exit":
                if (!Exits2004.Contains(value))
                {
                    return "not one of time-out, suspend, logout, normal or empty";
                }

                changes.Add(() => a.Exit = value);
                return null;
            default:
                return Other(element);
        }
    }

    private static string? Other(string element) =>
        AcceptedNotKept.Any(p => p.EndsWith('.') ? element.StartsWith(p, StringComparison.Ordinal) : element == p)
            ? null
            : element.StartsWith("cmi.", StringComparison.Ordinal) ? "read-only or not in the data model" : "not a SCORM data model element";

    private static string? Text(string value, int max, Action apply, List<Action> changes)
    {
        if (value.Length > max)
        {
            return $"longer than {max} characters";
        }

        changes.Add(apply);
        return null;
    }

    private static bool Blank(string value) => value.Length == 0;

    private static bool Decimal(string value, decimal min, decimal max, out decimal parsed) =>
        decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out parsed) && parsed >= min && parsed <= max;

    public static string Timespan12(decimal seconds)
    {
        var whole = (long)Math.Floor(seconds);
        var hundredths = (int)Math.Round((seconds - whole) * 100);
        return FormattableString.Invariant($"{whole / 3600:0000}:{whole / 60 % 60:00}:{whole % 60:00}.{hundredths:00}");
    }

    public static string Duration2004(decimal seconds)
    {
        var whole = (long)Math.Floor(seconds);
        var fraction = seconds - whole;
        return FormattableString.Invariant($"PT{whole / 3600}H{whole / 60 % 60}M{whole % 60 + fraction:0.##}S");
    }

    [GeneratedRegex(@"^(\d{2,4}):([0-5]\d):([0-5]\d(?:\.\d{1,2})?)$")]
    private static partial Regex Timespan12Pattern();

    [GeneratedRegex(@"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$")]
    private static partial Regex Duration2004Pattern();
}

/// <summary>The statuses a learner sees, as keys "scorm.{status}" in the resources.</summary>
public static class ScormStatusWords
{
    public static readonly string[] All = [ScormRuntime.NotAttempted, "browsed", "incomplete", "completed", "passed", "failed"];
}
