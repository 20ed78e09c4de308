using Microsoft.Extensions.Localization;
using ServeWell.Web.Modules.Feedback.Touchpoints;
using ServeWell.Web.Modules.FollowUps.Cases;
using ServeWell.Web.Modules.People.Employees;
using ServeWell.Web.Modules.People.OrgUnits;
using ServeWell.Web.Modules.Training.Certificates;
using ServeWell.Web.Modules.Training.Programmes;

namespace ServeWell.Web.Modules.Admin.Audit;

/// <summary>
/// The audit log's words: kinds of record, actions and fields by the name stored in the trail, each a key of the neutral
/// resource ("Audit:Type:TrainingSession" → "Session", "세션"), and enum values by the labels the pages already use.
/// A name without a label is shown as stored, so an entry written by a newer version still reads.
/// </summary>
public static class AuditWords
{
    public const string TypePrefix = "Audit:Type:";

    public const string ActionPrefix = "Audit:Action:";

    public const string FieldPrefix = "Audit:Field:";

    /// <summary>Enum types whose values the pages already label under another prefix than the type's name.</summary>
    private static readonly Dictionary<Type, string> EnumPrefixes = new()
    {
        [typeof(FollowUpState)] = "FollowUp:",
        [typeof(OrgUnitKind)] = "Kind:",
        [typeof(EmployeeStatus)] = "Status:",
        [typeof(InstructorKind)] = "Instructor:",
        [typeof(CertificateStatus)] = "Certificate:",
        [typeof(TouchpointKind)] = "TouchpointKind:",
        [typeof(FeedbackChannel)] = "FeedbackChannel:",
        [typeof(Delivery)] = "Delivery:",
    };

    public static string Type(IStringLocalizer l, string type) => Word(l, TypePrefix, type);

    public static string Action(IStringLocalizer l, string action) => Word(l, ActionPrefix, action);

    public static string Field(IStringLocalizer l, string field) => Word(l, FieldPrefix, field);

    /// <summary>An enum value's label ("FollowUp:Contacted" → "Contacted", "연락함"); flags read as a list.</summary>
    public static string EnumValue(IStringLocalizer l, Type enumType, object value)
    {
        var prefix = EnumPrefixes.GetValueOrDefault(enumType) ?? enumType.Name + ":";
        var names = Enum.ToObject(enumType, value).ToString()!.Split(", ");
        return string.Join(", ", names.Select(n => l[prefix + n] is { ResourceNotFound: false } s ? s.Value : n));
    }

    /// <summary>
    /// The label, looked up as written and then with its first letter's case turned: a property (Note) and a field of an
    /// audited JSON document (note) share one resource, as a resource file holds a name only once whatever its case.
    /// </summary>
    private static string Word(IStringLocalizer l, string prefix, string name)
    {
        if (l[prefix + name] is { ResourceNotFound: false } s)
        {
            return s.Value;
        }

        var turned = name.Length == 0 ? name
            : (char.IsUpper(name[0]) ? char.ToLowerInvariant(name[0]) : char.ToUpperInvariant(name[0])) + name[1..];
        return l[prefix + turned] is { ResourceNotFound: false } t ? t.Value : name;
    }
}
