namespace ServeWell.Web.Modules.Learning.Courses;

/// <summary>Turns a problem's JSON path ("title.ko", "minutes") into the form's model-state key ("Form.Title.Ko").</summary>
public static class LessonFormKeys
{
    public static string Of(string prefix, string field)
    {
        var parts = field.Split('.');
        if (prefix == "SectionTitle")
        {
            parts = parts[1..];
        }

        return string.Join('.', [prefix, .. parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..])]);
    }
}
