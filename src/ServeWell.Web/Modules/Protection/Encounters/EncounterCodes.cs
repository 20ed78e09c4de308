namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>One value of an enum as the API writes it ("verbal-abuse") and its English UI key.</summary>
public sealed record Code<T>(T Value, string Text, string Label)
    where T : struct, Enum;

/// <summary>The API's codes and the pages' labels of the encounter's channel, kinds and on-the-spot actions.</summary>
public static class EncounterCodes
{
    public static readonly IReadOnlyList<Code<EncounterChannel>> Channels =
    [
        new(EncounterChannel.Visit, "visit", "At the counter or a visit"),
        new(EncounterChannel.Phone, "phone", "On the phone"),
        new(EncounterChannel.Online, "online", "Online"),
        new(EncounterChannel.Written, "written", "In writing"),
    ];

    public static readonly IReadOnlyList<Code<EncounterKinds>> Kinds =
    [
        new(EncounterKinds.VerbalAbuse, "verbal-abuse", "Verbal abuse"),
        new(EncounterKinds.Threat, "threat", "Threat"),
        new(EncounterKinds.Violence, "violence", "Violence"),
        new(EncounterKinds.SexualHarassment, "sexual-harassment", "Sexual harassment"),
        new(EncounterKinds.Persistence, "persistence", "Unreasonable persistence"),
        new(EncounterKinds.UnreasonableDemands, "unreasonable-demands", "Unreasonable demands"),
        new(EncounterKinds.FilmingStaff, "filming-staff", "Filming or posting staff without consent"),
        new(EncounterKinds.DisclosingStaffData, "disclosing-staff-data", "Disclosing staff's personal data"),
    ];

    public static readonly IReadOnlyList<Code<SpotActions>> Actions =
    [
        new(SpotActions.Warned, "warned", "Warned the person"),
        new(SpotActions.CallEndedAfterWarning, "call-ended", "Ended the call after the warning"),
        new(SpotActions.SecondOfficialJoined, "second-official", "A second official joined"),
        new(SpotActions.SecurityOrPoliceCalled, "security-called", "Called security or the police"),
        new(SpotActions.VisitEnded, "visit-ended", "Ended the visit"),
    ];

    public static string Of(EncounterChannel channel) => Channels.First(c => c.Value == channel).Text;

    public static IReadOnlyList<string> Of(EncounterKinds kinds) => [.. Kinds.Where(k => kinds.HasFlag(k.Value)).Select(k => k.Text)];

    public static IReadOnlyList<string> Of(SpotActions actions) => [.. Actions.Where(a => actions.HasFlag(a.Value)).Select(a => a.Text)];

    public static IEnumerable<string> LabelsOf(EncounterKinds kinds) => Kinds.Where(k => kinds.HasFlag(k.Value)).Select(k => k.Label);

    public static IEnumerable<string> LabelsOf(SpotActions actions) => Actions.Where(a => actions.HasFlag(a.Value)).Select(a => a.Label);

    public static string LabelOf(EncounterChannel channel) => Channels.First(c => c.Value == channel).Label;

    /// <summary>The value of every code, or the codes that are not known.</summary>
    public static (T Value, IReadOnlyList<string> Unknown) Parse<T>(IReadOnlyList<Code<T>> known, IEnumerable<string>? codes)
        where T : struct, Enum
    {
        var value = 0;
        var unknown = new List<string>();
        foreach (var code in (codes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0))
        {
            if (known.FirstOrDefault(k => k.Text == code) is { } hit)
            {
                value |= Convert.ToInt32(hit.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                unknown.Add(code);
            }
        }

        return ((T)Enum.ToObject(typeof(T), value), unknown);
    }
}
