using ServeWell.Web.Modules.Recognition.Rounds;

namespace ServeWell.Web.Modules.Recognition.Pages;

/// <summary>Words for a round's stage on the pages (English keys; the localizer gives the reader's language).</summary>
public static class RoundView
{
    public static string StageText(RoundStage stage) => stage switch
    {
        RoundStage.Nominating => "Taking nominations",
        RoundStage.Jury => "With the jury",
        RoundStage.Approval => "Waiting for approval",
        _ => "Announced",
    };
}
