namespace ServeWell.Web.Platform.Privacy;

/// <summary>
/// The names of the city's own employees, for the scrubber to find without an honorific. Declared here and filled by
/// the People module (<see cref="IRosterNameSource"/>), so Platform does not depend on People.
/// </summary>
public interface IRosterNameSource
{
    Task<RosterNames> GetAsync(CancellationToken cancellationToken);
}

public sealed class RosterNames
{
    public static readonly RosterNames Empty = new([]);

    private readonly HashSet<string> _hangul = new(StringComparer.Ordinal);
    private readonly List<string> _latin = [];

    public RosterNames(IEnumerable<string> names)
    {
        foreach (var raw in names)
        {
            var name = raw.Trim();
            if (name.All(c => c is >= '가' and <= '힣' or ' '))
            {
                // Korean names are 2 to 4 syllables, written together ("김민수") however the roster spaced them.
                var joined = name.Replace(" ", "", StringComparison.Ordinal);
                if (joined.Length is >= 2 and <= 4)
                {
                    _hangul.Add(joined);
                }
            }
            else if (name.Length >= 4 && name.Any(char.IsAsciiLetter))
            {
                _latin.Add(name);
            }
        }

        _latin.Sort((a, b) => b.Length.CompareTo(a.Length));
    }

    public int Count => _hangul.Count + _latin.Count;

    internal bool ContainsHangul(string name) => _hangul.Contains(name);

    internal IReadOnlyList<string> Latin => _latin;
}
