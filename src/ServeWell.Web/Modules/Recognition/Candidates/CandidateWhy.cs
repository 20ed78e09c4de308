using System.Globalization;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Recognition.Rounds;

namespace ServeWell.Web.Modules.Recognition.Candidates;

/// <summary>Why a candidate is on the page, and where they stand, in words with the numbers (ADR-058).</summary>
public static class CandidateWhy
{
    public static string Explain(RankedCandidate c, double cityMean, AwardRound round, IStringLocalizer l)
    {
        var parts = new List<string>();
        if (c.Answers > 0)
        {
            parts.Add(l["{0} citizens rated them ({1} commended them by name): ({2} × {3} + {4}) / ({2} + {0}) = {5}.",
                c.Answers, c.Commendations, round.PriorWeight, F(cityMean), c.RatingSum, F(c.Bayesian)]);
        }

        if (c.Nominations > 0)
        {
            parts.Add(l["Nominated {0} times.", c.Nominations]);
        }

        parts.Add(c.Exclusion switch
        {
            Exclusion.OnLeave => l["Not shortlisted: on leave."],
            Exclusion.Left => l["Not shortlisted: has left the city's service."],
            Exclusion.RecentWinner => l["Not shortlisted: won within the last {0} months.", round.CoolOffMonths],
            _ when c.Rank is { } rank => l["Ranked {0}.", rank],
            _ => l["Not ranked: fewer than {0} answers, the minimum.", round.MinimumAnswers],
        });
        return string.Join(" ", parts);
    }

    private static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
