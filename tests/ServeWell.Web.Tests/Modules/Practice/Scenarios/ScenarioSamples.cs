using ServeWell.Web.Modules.Practice.Scenarios;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Tests.Modules.Practice.Scenarios;

/// <summary>Small scenarios the tests build on: a citizen who calls again, two replies at each step, two endings.</summary>
public static class ScenarioSamples
{
    public static readonly string[] Known = ["empathy", "difficult-situations", "communication", "problem-solving", "active-listening"];

    public static ScenarioChoice Reply(string ko, string target, int empathy, int calm, string feedbackKo = "", string en = "") =>
        new(LocalText.Of(en, ko), target, new Dictionary<string, int> { ["empathy"] = empathy, ["difficult-situations"] = calm }, LocalText.Of("", feedbackKo));

    public static ScenarioNode Node(string key, params ScenarioChoice[] choices) =>
        new(key, NodeKind.Citizen, LocalText.Of($"{key} (en)", $"{key} 민원인 발화"), choices);

    public static ScenarioNode Ending(string key) =>
        new(key, NodeKind.Scene, LocalText.Of($"{key} ending", $"{key} 결말"), [], true, LocalText.Of("Debrief", "되돌아보기"), LocalText.Of("Expert", "숙련 공무원"));

    /// <summary>Start → Listen/Argue; Listen → Calm/Argue; Argue → Calm/Angry; Calm and Angry end.</summary>
    public static ScenarioContent RepeatedCaller() => new(
        LocalText.Of("The repeated caller", "반복 민원 전화"),
        LocalText.Of("A citizen calls for the fifth time.", "다섯 번째 전화입니다."),
        ["empathy", "difficult-situations"],
        "Start",
        [
            Node("Start", Reply("끝까지 듣겠습니다", "Listen", 2, 1, "잘 들었습니다", "I'll hear you out"), Reply("어제 말씀드렸잖아요", "Argue", -1, -2, "방어적입니다", "I told you yesterday")),
            Node("Listen", Reply("요약해 드릴게요", "Calm", 1, 2), Reply("규정입니다", "Argue", 0, -1)),
            Node("Argue", Reply("사과드립니다", "Calm", 3, 1), Reply("끊겠습니다", "Angry", -2, -3)),
            Ending("Calm"),
            Ending("Angry"),
        ]);
}
