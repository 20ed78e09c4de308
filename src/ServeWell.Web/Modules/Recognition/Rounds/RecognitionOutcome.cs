using System.Security.Claims;
using ServeWell.Web.Platform.Security;

namespace ServeWell.Web.Modules.Recognition.Rounds;

public enum RecognitionFailure
{
    None = 0,
    NotFound = 1,

    /// <summary>The step does not fit the round's state (closed, already scored, not yet scored): 409 with the reason.</summary>
    Conflict = 2,

    /// <summary>Bad input: 400 with a message per field.</summary>
    Invalid = 3,
}

/// <summary>What a recognition step did: its result, or why not (a reason, or a message per field). Nothing is written on failure.</summary>
public sealed record RecognitionOutcome<T>(T? Value, RecognitionFailure Failure, string? Reason, IReadOnlyDictionary<string, string[]> Problems)
{
    public bool Succeeded => Failure == RecognitionFailure.None;

    public static RecognitionOutcome<T> Done(T value) => new(value, RecognitionFailure.None, null, new Dictionary<string, string[]>());

    public static RecognitionOutcome<T> NotFound() => new(default, RecognitionFailure.NotFound, null, new Dictionary<string, string[]>());

    public static RecognitionOutcome<T> Conflict(string reason) => new(default, RecognitionFailure.Conflict, reason, new Dictionary<string, string[]>());

    public static RecognitionOutcome<T> Invalid(Dictionary<string, List<string>> problems) =>
        new(default, RecognitionFailure.Invalid, null, problems.ToDictionary(p => p.Key, p => p.Value.ToArray()));
}

/// <summary>Who acts, as the recognition rules need it: account, name, employee record and roles.</summary>
public sealed record RecognitionActor(string UserId, string Name, int? EmployeeId, int? ScopeOrgUnitId, bool ManagesAwards, bool IsSupervisor, bool IsLeader)
{
    public static RecognitionActor Of(ClaimsPrincipal user) => new(
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.ShownName(), user.EmployeeId(), user.ScopeOrgUnitId(),
        Policies.RolesByPolicy[Policies.ManageAwards].Any(user.IsInRole), user.IsInRole(Roles.Supervisor), user.IsInRole(Roles.Leadership));
}
