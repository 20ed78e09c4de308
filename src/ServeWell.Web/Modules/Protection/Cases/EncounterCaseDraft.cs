using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Practice.Cases;
using ServeWell.Web.Modules.Protection.Encounters;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Localization;

namespace ServeWell.Web.Modules.Protection.Cases;

/// <summary>What consent did: the draft case (made now, or before), or why not.</summary>
public sealed record ConsentOutcome(PracticeCase? Case, IReadOnlyList<ProtectionProblem> Problems, bool NotFound = false, bool Forbidden = false, bool Existing = false)
{
    public bool Succeeded => Case is not null && Problems.Count == 0 && !NotFound && !Forbidden;
}

/// <summary>
/// "Let this become a practice case" (issue 17, ADR-062): the employee, and nobody else, turns their encounter into a
/// DRAFT of the case library (ADR-053) that they then edit and send to review as any author. The draft is made from the
/// words already scrubbed for supervisors, scrubbed again by the library with the employee's name marked, so it names
/// neither the person nor the employee; the consent, the link and the draft commit together.
/// </summary>
public sealed class EncounterCaseDraft(ServeWellDbContext db, CaseLibrary library, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<ConsentOutcome> ConsentAsync(int encounterId, EncounterReader reader, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var row = await db.ProtectionEncounters.Where(e => e.Id == encounterId)
            .Select(e => new { e, e.Employee!.Name, e.Employee.OrgUnit!.Path }).SingleOrDefaultAsync(cancellationToken);
        if (row is null || reader.ViewOf(row.e.EmployeeId, row.Path) == EncounterView.None)
        {
            return new(null, [], NotFound: true);
        }

        var encounter = row.e;
        if (encounter.EmployeeId != reader.EmployeeId)
        {
            return new(null, [new("", l["Only the employee it happened to can let an encounter become a practice case."])], Forbidden: true);
        }

        if (encounter.PracticeCaseId is { } made)
        {
            return new(await db.PracticeCases.AsNoTracking().SingleAsync(c => c.Id == made, cancellationToken), [], Existing: true);
        }

        var language = Cultures.ReadsEnglish ? "en" : "ko";
        var kinds = string.Join(", ", EncounterCodes.LabelsOf(encounter.Kinds).Select(k => l[k].Value));
        var actions = string.Join(", ", EncounterCodes.LabelsOf(encounter.Actions).Select(a => l[a].Value));
        var threatening = (encounter.Kinds & (EncounterKinds.Threat | EncounterKinds.Violence)) != 0;
        var input = new CaseInput(
            LocalText.In(language, l["An abusive encounter: {0}", kinds]),
            LocalText.In(language, encounter.DescriptionScrubbed),
            null,
            actions.Length == 0 ? null : LocalText.In(language, actions),
            null,
            null,
            EncounterCodes.Of(encounter.Channel),
            CaseCodes.Of(CaseKind.Other),
            threatening ? ["malicious", "threatening"] : ["malicious"],
            [],
            [row.Name]);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var drafted = await library.SaveAsync(null, input, CaseReader.Of(user), cancellationToken);
        if (!drafted.Succeeded)
        {
            return new(null, [.. drafted.Problems.Select(p => new ProtectionProblem(p.Field, p.Message))]);
        }

        // The library cleared nothing: the encounter is tracked from the first query and is updated in place.
        encounter.CaseConsentAtUtc = clock.GetUtcNow().UtcDateTime;
        encounter.PracticeCaseId = drafted.Case!.Id;
        db.Audit("case-consent", nameof(Encounter), encounter.Reference, null, new { PracticeCase = drafted.Case.Reference });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new(drafted.Case, []);
    }
}
