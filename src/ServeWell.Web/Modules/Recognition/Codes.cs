using ServeWell.Web.Modules.Recognition.Candidates;
using ServeWell.Web.Modules.Recognition.Nominations;
using ServeWell.Web.Modules.Recognition.Rounds;

namespace ServeWell.Web.Modules.Recognition;

/// <summary>The API's codes for the module's enums: lower-case, hyphenated, stable.</summary>
internal static class Codes
{
    public static string Of(RoundStage stage) => stage switch
    {
        RoundStage.Nominating => "nominating",
        RoundStage.Jury => "jury",
        RoundStage.Approval => "approval",
        _ => "announced",
    };

    public static string Of(Exclusion exclusion) => exclusion switch
    {
        Exclusion.OnLeave => "on-leave",
        Exclusion.Left => "left",
        Exclusion.RecentWinner => "recent-winner",
        _ => "none",
    };

    public static string Of(NominationSource source) => source switch
    {
        NominationSource.Supervisor => "supervisor",
        NominationSource.Colleague => "colleague",
        _ => "citizen",
    };
}
