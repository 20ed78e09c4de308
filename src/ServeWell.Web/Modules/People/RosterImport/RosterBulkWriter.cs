using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Platform.Data;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>
/// Writes a roster's new and changed employees with prepared statements inside the import's transaction.
/// Change tracking 200,000 entities made a 100,000-row import take a minute; prepared statements take seconds
/// (docs/BENCHMARKS.md). Table and column names come from the EF model, so they follow the migrations.
/// </summary>
internal sealed class RosterBulkWriter
{
    private readonly ServeWellDbContext _db;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly Names _employees;
    private readonly Names _assignments;

    public RosterBulkWriter(ServeWellDbContext db)
    {
        _db = db;
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk writer runs inside the import's transaction.");
        _employees = new Names(db.Model.FindEntityType(typeof(Employee))!);
        _assignments = new Names(db.Model.FindEntityType(typeof(EmployeeAssignment))!);
    }

    public async Task CreateAsync(IReadOnlyList<RosterEntry> entries, DateTime now, Action<int> progress, CancellationToken cancellationToken)
    {
        string[] employeeColumns = [nameof(Employee.EmployeeNumber), nameof(Employee.Name), nameof(Employee.Email), nameof(Employee.Phone),
            nameof(Employee.OrgUnitId), nameof(Employee.Grade), nameof(Employee.Position), nameof(Employee.HireDate),
            nameof(Employee.IsFrontline), nameof(Employee.Status), nameof(Employee.UpdatedAt)];
        await InsertRowsAsync(_employees, employeeColumns, entries, e =>
        [
            e.EmployeeNumber, e.Name, e.Email, e.Phone, e.OrgUnitId, e.Grade, e.Position ?? "", e.HireDate,
            e.IsFrontline ?? false, (int)(e.Status ?? EmployeeStatus.Active), now,
        ], progress, cancellationToken);

        var wanted = entries.Select(e => e.EmployeeNumber).ToHashSet(StringComparer.Ordinal);
        var ids = (await _db.Employees.AsNoTracking().Select(e => new { e.Id, e.EmployeeNumber }).ToListAsync(cancellationToken))
            .Where(e => wanted.Contains(e.EmployeeNumber))
            .ToDictionary(e => e.EmployeeNumber, e => e.Id, StringComparer.Ordinal);
        await InsertRowsAsync(_assignments, AssignmentColumns, entries, e =>
            [ids[e.EmployeeNumber], e.OrgUnitId, e.Grade, e.Position ?? "", e.HireDate, null], _ => { }, cancellationToken);
    }

    /// <summary>
    /// Many rows per INSERT statement: one round trip per chunk instead of one per row, which is what a
    /// network database (PostgreSQL) needs; SQLite gains too.
    /// </summary>
    private async Task InsertRowsAsync<T>(Names table, string[] columns, IReadOnlyList<T> items, Func<T, object?[]> values, Action<int> progress, CancellationToken cancellationToken)
    {
        // SQLite runs in process and binds a 5,000-parameter statement slower than 500 small ones; PostgreSQL
        // pays a network round trip per statement. Each gets what is fastest for it (docs/BENCHMARKS.md).
        var rowsPerStatement = _db.Database.IsSqlite() ? 1 : 500;
        DbCommand? full = null;
        try
        {
            foreach (var chunk in items.Chunk(rowsPerStatement))
            {
                var command = chunk.Length == rowsPerStatement
                    ? full ??= Prepare(table.Insert(columns, rowsPerStatement), columns.Length * rowsPerStatement)
                    : Prepare(table.Insert(columns, chunk.Length), columns.Length * chunk.Length);
                var i = 0;
                foreach (var item in chunk)
                {
                    foreach (var value in values(item))
                    {
                        command.Parameters[i++].Value = value ?? DBNull.Value;
                    }
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
                if (command != full)
                {
                    await command.DisposeAsync();
                }

                progress(chunk.Length);
            }
        }
        finally
        {
            if (full is not null)
            {
                await full.DisposeAsync();
            }
        }
    }

    public async Task UpdateAsync(IReadOnlyList<(RosterEntry Entry, EmployeeSnapshot Current)> updates, DateOnly today, DateTime now, Action<int> progress, CancellationToken cancellationToken)
    {
        string[] columns = [nameof(Employee.Name), nameof(Employee.Email), nameof(Employee.Phone), nameof(Employee.OrgUnitId), nameof(Employee.Grade),
            nameof(Employee.Position), nameof(Employee.HireDate), nameof(Employee.IsFrontline), nameof(Employee.Status), nameof(Employee.UpdatedAt)];
        var updateSql = _employees.Update(columns, nameof(Employee.Id));
        var closeSql = $"UPDATE {_assignments.Table} SET {_assignments[nameof(EmployeeAssignment.Until)]} = @p0 WHERE {_assignments[nameof(EmployeeAssignment.EmployeeId)]} = @p1 AND {_assignments[nameof(EmployeeAssignment.Until)]} IS NULL AND {_assignments[nameof(EmployeeAssignment.From)]} < @p0";
        // An assignment that began today is replaced rather than closed, so no period has zero length.
        var replaceSql = $"DELETE FROM {_assignments.Table} WHERE {_assignments[nameof(EmployeeAssignment.EmployeeId)]} = @p0 AND {_assignments[nameof(EmployeeAssignment.Until)]} IS NULL AND {_assignments[nameof(EmployeeAssignment.From)]} >= @p1";
        var assignSql = _assignments.Insert(AssignmentColumns, 1);

        IEnumerable<(string Sql, object?[] Values)> Statements((RosterEntry Entry, EmployeeSnapshot Current) u)
        {
            var (e, current) = u;
            var position = e.Position ?? current.Position;
            yield return (updateSql, [e.Name, e.Email, e.HasPhone ? e.Phone : current.Phone, e.OrgUnitId, e.Grade, position, e.HireDate,
                e.IsFrontline ?? current.IsFrontline, (int)(e.Status ?? current.Status), now, current.Id]);
            if (e.OrgUnitId != current.OrgUnitId || e.Grade != current.Grade || position != current.Position)
            {
                yield return (closeSql, [today, current.Id]);
                yield return (replaceSql, [current.Id, today]);
                yield return (assignSql, [current.Id, e.OrgUnitId, e.Grade, position, today, null]);
            }
        }

        // A network database gets many statements per round trip; SQLite, in process, runs them one by one.
        const int UpdatesPerRoundTrip = 250;
        var cached = new Dictionary<string, DbCommand>(StringComparer.Ordinal);
        try
        {
            foreach (var chunk in updates.Chunk(UpdatesPerRoundTrip))
            {
                if (_connection.CanCreateBatch)
                {
                    await using var batch = _connection.CreateBatch();
                    batch.Transaction = _transaction;
                    foreach (var (sql, values) in chunk.SelectMany(Statements))
                    {
                        var command = batch.CreateBatchCommand();
                        command.CommandText = sql;
                        for (var i = 0; i < values.Length; i++)
                        {
                            var p = command.CreateParameter();
                            p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                            p.Value = values[i] ?? DBNull.Value;
                            command.Parameters.Add(p);
                        }

                        batch.BatchCommands.Add(command);
                    }

                    await batch.ExecuteNonQueryAsync(cancellationToken);
                }
                else
                {
                    foreach (var (sql, values) in chunk.SelectMany(Statements))
                    {
                        if (!cached.TryGetValue(sql, out var command))
                        {
                            cached[sql] = command = Prepare(sql, values.Length);
                        }

                        await RunAsync(command, cancellationToken, values);
                    }
                }

                progress(chunk.Length);
            }
        }
        finally
        {
            foreach (var command in cached.Values)
            {
                await command.DisposeAsync();
            }
        }
    }

    private static readonly string[] AssignmentColumns =
        [nameof(EmployeeAssignment.EmployeeId), nameof(EmployeeAssignment.OrgUnitId), nameof(EmployeeAssignment.Grade),
            nameof(EmployeeAssignment.Position), nameof(EmployeeAssignment.From), nameof(EmployeeAssignment.Until)];

    private DbCommand Prepare(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 0; i < parameters; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(p);
        }

        return command;
    }

    private static async Task RunAsync(DbCommand command, CancellationToken cancellationToken, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Quoted table and column names of one entity, as the migrations created them.</summary>
    private sealed class Names(IEntityType entity)
    {
        private readonly StoreObjectIdentifier _store = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());

        public string Table => Quote(entity.GetTableName()!);

        public string this[string property] => Quote(entity.FindProperty(property)!.GetColumnName(_store)!);

        public string Insert(string[] properties, int rows) =>
            $"INSERT INTO {Table} ({string.Join(", ", properties.Select(p => this[p]))}) VALUES "
            + string.Join(", ", Enumerable.Range(0, rows).Select(r =>
                "(" + string.Join(", ", properties.Select((_, i) => "@p" + (r * properties.Length + i).ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")"));

        public string Update(string[] properties, string key) =>
            $"UPDATE {Table} SET {string.Join(", ", properties.Select((p, i) => $"{this[p]} = @p{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}"))} WHERE {this[key]} = @p{properties.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

        private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
