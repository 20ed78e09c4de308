namespace ServeWell.Web.Modules.FollowUps.Safeguards;

/// <summary>A restriction in force on the case's complainant, as the case shows it: what it limits (an English UI key) and until when. No name, no words.</summary>
public sealed record ComplainantRestriction(string ScopeLabel, DateOnly Until);

/// <summary>
/// What staff protection adds to a case for whoever may handle it (ADR-062): where to flag the case as abusive (or, once
/// flagged, the encounter the flag opened — null when this reader may not read it) and the restrictions in force on its complainant.
/// </summary>
public sealed record CaseSafeguards(string FlagUrl, bool Flagged, string? EncounterUrl, IReadOnlyList<ComplainantRestriction> Restrictions)
{
    public static readonly CaseSafeguards None = new("", false, null, []);
}

/// <summary>
/// The contract through which a follow-up case learns of staff protection (ADR-062). FollowUps sits below Protection
/// (ADR-033), so it declares this and Protection implements it; with no implementation registered the case page shows nothing.
/// </summary>
public interface ICaseSafeguards
{
    /// <summary>What protection adds to the case for <paramref name="user"/>, who may handle it.</summary>
    Task<CaseSafeguards> ForCaseAsync(int caseId, System.Security.Claims.ClaimsPrincipal user, CancellationToken cancellationToken);
}
