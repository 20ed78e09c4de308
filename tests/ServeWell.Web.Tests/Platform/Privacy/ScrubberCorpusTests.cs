using ServeWell.Web.Platform.Privacy;

namespace ServeWell.Web.Tests.Platform.Privacy;

/// <summary>
/// The scrubber over scrub-corpus.tsv (ADR-052): Korean and English text with every category, full-width digits,
/// spaces and dots as separators, and the harmless numbers that must stay. One line: hint, text, expected text.
/// </summary>
public sealed class ScrubberCorpusTests
{
    public static readonly RosterNames Roster = new(["김민수", "박지영", "최하늘", "Jane Doe"]);

    public static TheoryData<int, string, string, string> Corpus()
    {
        var data = new TheoryData<int, string, string, string>();
        foreach (var (line, hint, text, expected) in Lines())
        {
            data.Add(line, hint, text, expected);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Scrub_CorpusLine_ReadsAsExpected(int line, string hint, string text, string expected) =>
        Scrubber.Scrub(text, hint == "-" ? null : hint, Roster).Text.ShouldBe(expected, $"scrub-corpus.tsv line {line}");

    [Fact]
    public void Corpus_HasOverAHundredLines_AndEveryCategory_AndHarmlessLinesThatStay()
    {
        var lines = Lines().ToList();
        lines.Count.ShouldBeGreaterThanOrEqualTo(100);
        var found = lines.SelectMany(l => Scrubber.Scrub(l.Text, null, Roster).Findings).Select(f => f.Category).ToHashSet();
        // Marked phrases are the author's (ADR-053), not found by a pattern: ScrubberMarkedTests covers them.
        foreach (var category in Enum.GetValues<PersonalData>().Where(c => c != 0 && (c & (c - 1)) == 0 && c != PersonalData.Marked))
        {
            found.ShouldContain(category);
        }

        lines.Count(l => l.Text == l.Expected).ShouldBeGreaterThanOrEqualTo(20);
        lines.Any(l => l.Text.Any(c => c is >= '０' and <= '９')).ShouldBeTrue();
    }

    private static IEnumerable<(int Line, string Hint, string Text, string Expected)> Lines()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Platform", "Privacy", "scrub-corpus.tsv");
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var cells = raw.Split('\t');
            if (cells.Length != 3)
            {
                throw new InvalidDataException($"scrub-corpus.tsv line {number}: {cells.Length} cells; a line is hint, text, expected, separated by tabs.");
            }

            yield return (number, cells[0], cells[1], cells[2]);
        }
    }
}
