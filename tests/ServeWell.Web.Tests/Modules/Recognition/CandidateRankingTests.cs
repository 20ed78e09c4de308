using ServeWell.Web.Modules.Recognition.Candidates;

namespace ServeWell.Web.Tests.Modules.Recognition;

/// <summary>The Bayesian average and the shortlist rule of ADR-058, against numbers worked out by hand.</summary>
public sealed class CandidateRankingTests
{
    [Fact]
    public void Bayesian_PullsFewRatingsTowardTheCityMean()
    {
        // m = 4.0, C = 10: five 5s give (10·4 + 25) / 15 = 4.333…; fifty ratings summing 225 give (40 + 225) / 60 = 4.41666….
        CandidateRanking.Bayesian(4.0, 10, 5, 25).ShouldBe(65.0 / 15, 1e-9);
        CandidateRanking.Bayesian(4.0, 10, 50, 225).ShouldBe(265.0 / 60, 1e-9);
        CandidateRanking.Bayesian(4.0, 0, 5, 25).ShouldBe(5.0, 1e-9); // no prior: the plain mean
    }

    [Fact]
    public void Rank_OrdersByBayesian_NeverRanksBelowTheMinimumOrExcluded_AndBreaksTiesByAnswersThenId()
    {
        var evidence = new[]
        {
            new Evidence(1, 5, 25, 0),    // (40 + 25) / 15 = 4.333
            new Evidence(2, 50, 225, 3),  // (40 + 225) / 60 = 4.417: more ratings, ranked above five perfect ones
            new Evidence(3, 4, 20, 4),    // four 5s: (40 + 20) / 14 = 4.286, but four is below the minimum of five
            new Evidence(4, 10, 50, 0),   // (40 + 50) / 20 = 4.5, but on leave
            new Evidence(5, 10, 45, 0),   // (40 + 45) / 20 = 4.25
            new Evidence(6, 20, 85, 0),   // (40 + 85) / 30 = 4.1667
            new Evidence(7, 5, 20, 0),    // (40 + 20) / 15 = 4.0 … tie with 8 below
            new Evidence(8, 10, 40, 0),   // (40 + 40) / 20 = 4.0: same average, more answers, ranked first
        };

        var ranked = CandidateRanking.Rank(evidence, 4.0, 10, 5, new Dictionary<int, int> { [9] = 2 }, new Dictionary<int, Exclusion> { [4] = Exclusion.OnLeave });

        ranked.Where(c => c.Ranked).Select(c => c.EmployeeId).ShouldBe([2, 1, 5, 6, 8, 7]);
        ranked.Single(c => c.EmployeeId == 2).Bayesian.ShouldBe(265.0 / 60, 1e-9);
        ranked.Single(c => c.EmployeeId == 3).Rank.ShouldBeNull();
        ranked.Single(c => c.EmployeeId == 4).Rank.ShouldBeNull();
        ranked.Single(c => c.EmployeeId == 4).Exclusion.ShouldBe(Exclusion.OnLeave);
        var nominee = ranked.Single(c => c.EmployeeId == 9); // nominated, no ratings: a candidate, not ranked
        (nominee.Answers, nominee.Nominations, nominee.Rank).ShouldBe((0, 2, (int?)null));
    }

    [Fact]
    public void Finalists_TakeHalfFromTheRanking_ThenTheMostNominated_AndNeverTheExcluded()
    {
        var evidence = new[] { new Evidence(1, 10, 50, 0), new Evidence(2, 10, 45, 0), new Evidence(3, 10, 40, 0), new Evidence(4, 10, 48, 0) };
        var nominations = new Dictionary<int, int> { [3] = 1, [5] = 3, [6] = 1, [7] = 5 };
        var ranked = CandidateRanking.Rank(evidence, 4.0, 10, 5, nominations, new Dictionary<int, Exclusion> { [7] = Exclusion.RecentWinner });

        // Four places: ranks 1 and 2 (employees 1 and 4), then the most nominated (5: three; then 3 and 6 with one each, 3 has the better average).
        CandidateRanking.Finalists(ranked, 4).ShouldBe([1, 4, 5, 3]);
        // Six places: three from the ranking (1, 4, 2), then the nominees 5, 3 and 6; the excluded 7 never.
        CandidateRanking.Finalists(ranked, 6).ShouldBe([1, 4, 2, 5, 3, 6]);
    }
}
