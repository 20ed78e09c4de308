namespace ServeWell.Web.Platform.Privacy;

/// <summary>
/// Tells what a run of digits is, from its digits and how they are grouped (ADR-052). Numbers are checked where a
/// check exists (Luhn for cards, the check digit of business numbers, the resident number checksum for numbers issued
/// before October 2020); phone and resident-number shapes are removed even unchecked, since a miss costs more than a
/// false alarm. Amounts, dates, times and counter numbers have too few digits or a unit beside them, and stay.
/// </summary>
internal static class NumberRules
{
    /// <param name="digits">The digits without separators (and without a country code).</param>
    /// <param name="groups">The length of each group as typed (one group when typed without separators).</param>
    /// <param name="countryCode">"+82" and the like, when the number started with one.</param>
    /// <param name="accountContext">A word like 계좌 or "account" stands just before the number.</param>
    public static (PersonalData Category, bool Checked)? Classify(string digits, IReadOnlyList<int> groups, string? countryCode, bool accountContext)
    {
        var n = digits.Length;
        if (countryCode is not null)
        {
            return n >= 7 ? (PersonalData.Phone, false) : null;
        }

        // After 계좌 / account, digits are an account (even 13 in a row that read like a resident number), unless
        // grouped like a resident number (6-7) or a card (4-4-4-4).
        if (accountContext && n is >= 8 and <= 16 && groups is not [6, 7] && !(groups.Count >= 4 && groups.All(g => g == 4)))
        {
            return (PersonalData.BankAccount, false);
        }

        if (n == 13 && (groups is [13] or [6, 7]) && ResidentNumber(digits) is { } resident)
        {
            return resident;
        }

        if (n is >= 13 and <= 19 && (groups.Count == 1 || groups.All(g => g == 4) || groups is [4, 6, 5] or [4, 4, 4, 4, 3]) && Luhn(digits))
        {
            return (PersonalData.CardNumber, true);
        }

        if (n == 10 && (groups is [3, 2, 5] || (groups is [10] && digits[0] != '0')) && BusinessNumber(digits))
        {
            return (PersonalData.BusinessNumber, true);
        }

        // 20261206-0001: a reference that starts with its date is a receipt or case number, not a person's.
        if (groups.Count >= 2 && groups[0] == 8 && DateOnly.TryParseExact(digits[..8], "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _))
        {
            return null;
        }

        if (PhoneShape(digits, groups))
        {
            return (PersonalData.Phone, false);
        }

        if (n is >= 10 and <= 16 && groups.Count >= 3)
        {
            return (PersonalData.BankAccount, false);
        }

        // Any other 9 to 15 digits: an unknown phone number is likelier than a harmless number that long.
        return n is >= 9 and <= 15 ? (PersonalData.Phone, false) : null;
    }

    /// <summary>
    /// 010-1234-5678, 02-123-4567, 031 123 4567, 01012345678; 1588-1234 (a business's one number). A domestic number
    /// starts with 0, has 9 to 11 digits, and ends in a group of four when grouped; a foreign one ends in four too.
    /// </summary>
    private static bool PhoneShape(string digits, IReadOnlyList<int> groups)
    {
        if (digits.Length == 8 && groups is [4, 4] && digits[0] == '1' && digits[1] is '5' or '6' or '8')
        {
            return true;
        }

        if (digits[0] == '0' && digits.Length is >= 9 and <= 11 && (groups.Count == 1 || (groups.Count <= 3 && groups[^1] == 4)))
        {
            return true;
        }

        // 212 555 0100 and other countries' numbers typed without their code: two or three groups ending in four digits.
        return digits.Length is >= 9 and <= 11 && groups.Count is 2 or 3 && groups[^1] == 4;
    }

    /// <summary>
    /// YYMMDD then the 7th digit (1–4 residents, 5–8 foreign residents; 1, 2, 5, 6 born in the 1900s). A real birth
    /// date is required; the checksum only marks the finding as checked, because numbers issued since October 2020
    /// end in random digits and an unchecked number is still someone's number.
    /// </summary>
    internal static (PersonalData Category, bool Checked)? ResidentNumber(string d)
    {
        var marker = d[6] - '0';
        if (marker is < 1 or > 8)
        {
            return null;
        }

        var century = marker is 1 or 2 or 5 or 6 ? 1900 : 2000;
        var year = century + ((d[0] - '0') * 10) + (d[1] - '0');
        var month = ((d[2] - '0') * 10) + (d[3] - '0');
        var day = ((d[4] - '0') * 10) + (d[5] - '0');
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var foreigner = marker >= 5;
        var issuedBeforeRandomDigits = new DateOnly(year, month, day) < new DateOnly(2020, 10, 1);
        var checkedSum = issuedBeforeRandomDigits && ResidentChecksum(d, foreigner);
        return (foreigner ? PersonalData.ForeignerNumber : PersonalData.ResidentNumber, checkedSum);
    }

    /// <summary>Weights 2–9, 2–5 over the first 12 digits; residents (11 − sum mod 11) mod 10, foreign residents (13 − sum mod 11) mod 10.</summary>
    internal static bool ResidentChecksum(string d, bool foreigner)
    {
        int[] weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (d[i] - '0') * weights[i];
        }

        var check = ((foreigner ? 13 : 11) - (sum % 11)) % 10;
        return check == d[12] - '0';
    }

    internal static bool Luhn(string d)
    {
        var sum = 0;
        for (var i = 0; i < d.Length; i++)
        {
            var digit = d[d.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return sum % 10 == 0;
    }

    /// <summary>사업자등록번호: weights 1,3,7,1,3,7,1,3,5; the 9th digit's product adds its tens too; the 10th digit checks.</summary>
    internal static bool BusinessNumber(string d)
    {
        int[] weights = [1, 3, 7, 1, 3, 7, 1, 3, 5];
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (d[i] - '0') * weights[i];
        }

        sum += (d[8] - '0') * 5 / 10;
        return (10 - (sum % 10)) % 10 == d[9] - '0';
    }
}
