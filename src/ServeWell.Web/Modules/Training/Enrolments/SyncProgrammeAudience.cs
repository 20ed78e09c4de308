using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.Training.Audiences;
using ServeWell.Web.Modules.Training.Registrations;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.Training.Enrolments;

/// <summary>What one sync did: newly invited, withdrawn, invited again, and enrolments left as they were.</summary>
public sealed record SyncCounts(int Invited, int Withdrawn, int Reinvited, int Unchanged)
{
    public static readonly SyncCounts None = new(0, 0, 0, 0);

    public SyncCounts Add(SyncCounts other) =>
        new(Invited + other.Invited, Withdrawn + other.Withdrawn, Reinvited + other.Reinvited, Unchanged + other.Unchanged);
}

/// <summary>
/// Makes a programme's enrolments follow its audience rule: invites new matches, withdraws rule-made enrolments of
/// people who no longer match (never once attended, never manual ones), and invites again people withdrawn by the
/// rule who match again. Every state change gets a history row. The differences are worked out in memory from two
/// narrow reads, then written with a few large set-based statements in one transaction (ADR-007).
/// </summary>
public sealed class SyncProgrammeAudience(ServeWellDbContext db, MatchAudience match, TimeProvider clock, SessionRegistrations? registrations = null)
{
    /// <summary>Ids per statement: short enough for any SQL parser, long enough that 100,000 rows need 20 statements.</summary>
    private const int Chunk = 5000;

    public async Task<SyncCounts?> SyncAsync(int programmeId, string by, CancellationToken cancellationToken)
    {
        var programme = await db.Programmes.AsNoTracking().Where(p => p.Id == programmeId).Select(p => new { p.Audience, p.State }).FirstOrDefaultAsync(cancellationToken);
        if (programme is null)
        {
            return null;
        }

        if (programme.State == Programmes.ProgrammeState.Draft)
        {
            // A draft enrols nobody (ADR-031); publishing it runs this sync.
            return SyncCounts.None;
        }

        var rule = programme.Audience;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var matched = (await (await match.QueryAsync(rule, cancellationToken)).Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();
        var existing = await db.Enrolments.AsNoTracking().Where(e => e.ProgrammeId == programmeId)
            .Select(e => new { e.Id, e.EmployeeId, e.State, e.Source, e.StateReason }).ToListAsync(cancellationToken);
        var left = (await db.Employees.AsNoTracking()
            .Where(e => e.Status == EmployeeStatus.Left && db.Enrolments.Any(x => x.ProgrammeId == programmeId && x.EmployeeId == e.Id))
            .Select(e => e.Id).ToListAsync(cancellationToken)).ToHashSet();

        var enrolled = existing.Select(e => e.EmployeeId).ToHashSet();
        var invite = matched.Where(id => !enrolled.Contains(id)).Order().ToList();
        var withdraw = existing
            .Where(e => e.Source == EnrolmentSource.Rule && e.State is not (EnrolmentState.Attended or EnrolmentState.Withdrawn) && !matched.Contains(e.EmployeeId))
            .ToLookup(e => left.Contains(e.EmployeeId) ? EnrolmentReasons.EmployeeLeft : EnrolmentReasons.NoLongerInAudience, e => e.Id);
        // Only the rule takes back what the rule withdrew; someone who withdrew themselves stays withdrawn.
        var reinvite = existing
            .Where(e => e.Source == EnrolmentSource.Rule && e.State == EnrolmentState.Withdrawn && matched.Contains(e.EmployeeId)
                && e.StateReason is EnrolmentReasons.NoLongerInAudience or EnrolmentReasons.EmployeeLeft)
            .Select(e => e.Id).ToList();

        var sql = new Sql(db.Model);
        var invited = 0;
        foreach (var chunk in invite.Chunk(Chunk))
        {
            var ids = Sql.List(chunk);
            // ON CONFLICT: a sync running at the same time on another node may have invited some of them already.
            invited += await ExecuteAsync(
                $"INSERT INTO {sql.Enrolments} ({sql.E(nameof(Enrolment.ProgrammeId))}, {sql.E(nameof(Enrolment.EmployeeId))}, {sql.E(nameof(Enrolment.State))}, "
                + $"{sql.E(nameof(Enrolment.Source))}, {sql.E(nameof(Enrolment.StateReason))}, {sql.E(nameof(Enrolment.CreatedAt))}, {sql.E(nameof(Enrolment.StateSince))}) "
                + $"SELECT {{0}}, {sql.Emp(nameof(Employee.Id))}, {(int)EnrolmentState.Invited}, {(int)EnrolmentSource.Rule}, {{1}}, {{2}}, {{2}} FROM {sql.Employees} "
                + $"WHERE {sql.Emp(nameof(Employee.Id))} IN ({ids}) "
                + $"ON CONFLICT ({sql.E(nameof(Enrolment.ProgrammeId))}, {sql.E(nameof(Enrolment.EmployeeId))}) DO NOTHING",
                [programmeId, EnrolmentReasons.InAudience, now], cancellationToken);
            await ExecuteAsync(
                sql.HistorySelect(fromState: false)
                + $" WHERE {sql.E(nameof(Enrolment.ProgrammeId))} = {{3}} AND {sql.E(nameof(Enrolment.EmployeeId))} IN ({ids}) AND {sql.E(nameof(Enrolment.CreatedAt))} = {{1}}",
                [EnrolmentReasons.InAudience, now, by, programmeId], cancellationToken);
        }

        var withdrawn = 0;
        foreach (var group in withdraw)
        {
            withdrawn += await MoveAsync(sql, group.ToList(), EnrolmentState.Withdrawn, group.Key, now, by,
                $"{sql.E(nameof(Enrolment.State))} NOT IN ({(int)EnrolmentState.Attended}, {(int)EnrolmentState.Withdrawn})", cancellationToken);
        }

        var reinvited = await MoveAsync(sql, reinvite, EnrolmentState.Invited, EnrolmentReasons.InAudienceAgain, now, by,
            $"{sql.E(nameof(Enrolment.State))} = {(int)EnrolmentState.Withdrawn}", cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
            if (withdrawn > 0 && registrations is not null)
            {
                // Withdrawn people's places in coming sessions go to the waitlist (in transactions of their own).
                await registrations.ReleaseWithdrawnAsync(programmeId, by, cancellationToken);
            }
        }

        return new SyncCounts(invited, withdrawn, reinvited, existing.Count - withdrawn - reinvited);
    }

    /// <summary>Syncs every programme, one transaction each, so a long run never holds one big lock.</summary>
    public async Task<SyncCounts> SyncAllAsync(string by, CancellationToken cancellationToken)
    {
        var total = SyncCounts.None;
        var ids = await db.Programmes.AsNoTracking().Where(p => p.State == Programmes.ProgrammeState.Published).OrderBy(p => p.Id).Select(p => p.Id).ToListAsync(cancellationToken);
        foreach (var id in ids)
        {
            total = total.Add(await SyncAsync(id, by, cancellationToken) ?? SyncCounts.None);
        }

        return total;
    }

    /// <summary>
    /// The one door for this class's SQL: table and column names come from the EF model, ids are formatted integers,
    /// and every other value travels as a parameter ({0}, {1}…), so nothing from a user is ever spliced in.
    /// </summary>
    private Task<int> ExecuteAsync(string sql, object[] parameters, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(sql, parameters, cancellationToken);

    /// <summary>
    /// History first (it reads the state being left), then the state itself. Both statements repeat the condition the
    /// move was decided on, so an enrolment marked attended since it was read is left alone.
    /// </summary>
    private async Task<int> MoveAsync(Sql sql, List<int> enrolmentIds, EnrolmentState to, string reason, DateTime now, string by, string stillWhen, CancellationToken cancellationToken)
    {
        var moved = 0;
        foreach (var chunk in enrolmentIds.Chunk(Chunk))
        {
            var ids = Sql.List(chunk);
            await ExecuteAsync(
                sql.HistorySelect(fromState: true, to) + $" WHERE {sql.E("Id")} IN ({ids}) AND {stillWhen}", [reason, now, by], cancellationToken);
            moved += await ExecuteAsync(
                $"UPDATE {sql.Enrolments} SET {sql.E(nameof(Enrolment.State))} = {(int)to}, {sql.E(nameof(Enrolment.StateReason))} = {{0}}, "
                + $"{sql.E(nameof(Enrolment.StateSince))} = {{1}} WHERE {sql.E("Id")} IN ({ids}) AND {stillWhen}",
                [reason, now], cancellationToken);
        }

        return moved;
    }

    /// <summary>Quoted table and column names from the EF model, so the SQL follows the migrations.</summary>
    private sealed class Sql(IModel model)
    {
        private readonly IEntityType _enrolment = model.FindEntityType(typeof(Enrolment))!;
        private readonly IEntityType _change = model.FindEntityType(typeof(EnrolmentChange))!;
        private readonly IEntityType _employee = model.FindEntityType(typeof(Employee))!;

        public string Enrolments => Quote(_enrolment.GetTableName()!);

        public string Employees => Quote(_employee.GetTableName()!);

        public string E(string property) => Column(_enrolment, property);

        public string Emp(string property) => Column(_employee, property);

        /// <summary>INSERT INTO history SELECT … FROM enrolments; parameters {0} reason, {1} at, {2} by.</summary>
        public string HistorySelect(bool fromState, EnrolmentState? to = null) =>
            $"INSERT INTO {Quote(_change.GetTableName()!)} ({Column(_change, nameof(EnrolmentChange.EnrolmentId))}, {Column(_change, nameof(EnrolmentChange.FromState))}, "
            + $"{Column(_change, nameof(EnrolmentChange.ToState))}, {Column(_change, nameof(EnrolmentChange.Reason))}, {Column(_change, nameof(EnrolmentChange.At))}, "
            + $"{Column(_change, nameof(EnrolmentChange.By))}) "
            + $"SELECT {E("Id")}, {(fromState ? E(nameof(Enrolment.State)) : "NULL")}, {(to is { } t ? ((int)t).ToString(CultureInfo.InvariantCulture) : E(nameof(Enrolment.State)))}, "
            + $"{{0}}, {{1}}, {{2}} FROM {Enrolments}";

        /// <summary>Ids written into the statement: integers cannot inject, and a list of parameters would hit SQLite's limit.</summary>
        public static string List(IEnumerable<int> ids) => string.Join(",", ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));

        private static string Column(IEntityType entity, string property) =>
            Quote(entity.FindProperty(property)!.GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()))!);

        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
