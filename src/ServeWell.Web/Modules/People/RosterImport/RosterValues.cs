using System.Globalization;
using System.Net.Mail;
using ServeWell.Web.Modules.People.Employees;

namespace ServeWell.Web.Modules.People.RosterImport;

/// <summary>Parses the cell texts HR systems write: dates in three separators, Y/N in two languages, "6급".</summary>
public static class RosterValues
{
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy.MM.dd", "yyyy/MM/dd", "yyyy-M-d", "yyyy.M.d", "yyyy/M/d", "yyyy. M. d.", "yyyy. M. d", "yyyyMMdd"];

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim().TrimEnd('.'), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        || DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static bool TryBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "y" or "yes" or "1" or "예" or "o" or "네":
                value = true;
                return true;
            case "false" or "n" or "no" or "0" or "아니오" or "아니요" or "x":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    public static bool TryStatus(string text, out EmployeeStatus status)
    {
        var t = text.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        (var ok, status) = t switch
        {
            "active" or "재직" or "재직중" => (true, EmployeeStatus.Active),
            "onleave" or "leave" or "휴직" or "휴직중" => (true, EmployeeStatus.OnLeave),
            "left" or "retired" or "resigned" or "퇴직" or "퇴사" => (true, EmployeeStatus.Left),
            _ => (false, EmployeeStatus.Active),
        };
        return ok;
    }

    /// <summary>Accepts "6", "6급", "SG 11", "GL 08".</summary>
    public static bool TryGrade(string text, out int grade)
    {
        var t = text.Trim();
        if (t.EndsWith('급'))
        {
            t = t[..^1];
        }

        foreach (var prefix in (string[])["SG", "GL", "Grade"])
        {
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                t = t[prefix.Length..];
                break;
            }
        }

        return int.TryParse(t.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out grade);
    }

    public static bool IsEmail(string text)
    {
        if (text.Length > 254 || text.Contains(' ', StringComparison.Ordinal) || text.Count(c => c == '@') != 1)
        {
            return false;
        }

        return MailAddress.TryCreate(text, out var address) && address.Address == text && address.Host.Contains('.', StringComparison.Ordinal);
    }

    public static bool IsPhone(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
            else if (c is not (' ' or '-' or '+' or '(' or ')' or '.'))
            {
                return false;
            }
        }

        return digits is >= 6 and <= 20;
    }
}
