namespace ServeWell.Web.Modules.Protection.Encounters;

/// <summary>A problem with the input: the field it concerns ("" for the whole) and what is wrong, in the reader's language.</summary>
public sealed record ProtectionProblem(string Field, string Message);

/// <summary>
/// An encounter as the form or the API gives it. Employee: whose encounter (empty: the signed-in employee's own);
/// office: the code of the office where it happened (empty: the employee's own unit); occurredAt: when, in any offset.
/// ComplainantContact: the person's phone or email if known, turned into a keyed hash and never stored.
/// </summary>
public sealed record EncounterInput(
    string? EmployeeNumber, string? Office, DateTimeOffset? OccurredAt, string? Channel, IReadOnlyList<string>? Kinds,
    IReadOnlyList<string>? Actions, string? Description, string? Injury, string? ComplainantContact);
