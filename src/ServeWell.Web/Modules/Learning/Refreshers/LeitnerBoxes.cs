namespace ServeWell.Web.Modules.Learning.Refreshers;

/// <summary>
/// The scheduling rule (ADR-050), stated on the page too: a missed question enters box 1; box n is asked again after
/// 1, 3, 7, 14 and 30 days; a right answer moves it up one box, a wrong one back to box 1; right in the last box, it
/// leaves. At most <see cref="PerDay"/> questions a day. Days are the city's days.
/// </summary>
public static class LeitnerBoxes
{
    public const int Last = 5;

    /// <summary>A refresher is at most this many due questions, once a day.</summary>
    public const int PerDay = 5;

    private static readonly int[] Days = [1, 3, 7, 14, 30];

    /// <summary>Days a question waits in <paramref name="box"/> before it is asked.</summary>
    public static int WaitOf(int box) => Days[Math.Clamp(box, 1, Last) - 1];

    /// <summary>Where a question goes after an answer on <paramref name="today"/>: its box, and its next day (null when it leaves).</summary>
    public static (int Box, DateOnly? DueOn) After(int box, bool right, DateOnly today) =>
        !right ? (1, today.AddDays(WaitOf(1)))
        : box >= Last ? (Last, null)
        : (box + 1, today.AddDays(WaitOf(box + 1)));

    /// <summary>The day a question missed on a course completed on <paramref name="completedOn"/> is first asked.</summary>
    public static DateOnly FirstDue(DateOnly completedOn) => completedOn.AddDays(WaitOf(1));
}
