using System.Text.RegularExpressions;

namespace Assistant.Bot.Privacy;

/// <summary>
/// Masks 身份证号, mobile numbers and bank card numbers before text is logged or stored (个人信息保护法: collect and keep
/// the minimum). Keeps a few edge digits so a citizen can still recognise their own number in a transcript.
/// </summary>
public static partial class PersonalDataMasker
{
    /// <summary>Returns <paramref name="text"/> with personal numbers masked; null stays null.</summary>
    public static string? Mask(string? text)
    {
        if (string.IsNullOrEmpty(text) || !ContainsDigitRun(text))
        {
            return text;
        }

        // Chinese input methods type full-width ０–９ (and Ｘ): folded to ASCII first, so the patterns see one kind of digit.
        text = FoldFullWidth(text);

        // Longest patterns first: an 18-character ID contains an 11-digit run that looks like a mobile number.
        var masked = IdNumber().Replace(text, m => Keep(m.Value, 6, 4));
        masked = BankCard().Replace(masked, m => Keep(m.Value, 4, 4));
        return Mobile().Replace(masked, m => Keep(m.Value, 3, 4));
    }

    /// <summary>True when the text holds a number that <see cref="Mask"/> would hide.</summary>
    public static bool ContainsPersonalData(string? text) => Mask(text) != text;

    private static bool ContainsDigitRun(string text)
    {
        // Cheap pre-check on the hot path: every pattern has at least 11 digits (spaces may separate them).
        var digits = 0;
        foreach (var c in text)
        {
            if ((char.IsAsciiDigit(c) || c is >= '０' and <= '９') && ++digits >= 11)
            {
                return true;
            }
        }

        return false;
    }

    private static string FoldFullWidth(string text) => text.Any(c => c is >= '０' and <= '９' or 'Ｘ' or 'ｘ')
        ? string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '０' and <= '９' or 'Ｘ' or 'ｘ' ? (char)(c - 0xFEE0) : c;
            }
        })
        : text;

    private static string Keep(string value, int head, int tail)
    {
        var digits = value.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        return digits[..head] + new string('*', digits.Length - head - tail) + digits[^tail..];
    }

    // 18-digit resident ID (GB 11643): 6-digit area, 8-digit birth date, 3-digit sequence, check digit or X.
    [GeneratedRegex(@"(?<!\d)\d{6}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![\dA-Za-z])")]
    private static partial Regex IdNumber();

    // Mainland mobile numbers: 11 digits starting 13–19, optionally +86 / 86 in front, as typed or spoken in groups
    // (138 1234 5678, 138-1234-5678).
    [GeneratedRegex(@"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)")]
    private static partial Regex Mobile();

    // Bank cards: 16–19 digits, possibly grouped by spaces or dashes in fours.
    [GeneratedRegex(@"(?<!\d)(?:\d{4}[ -]?){3}\d{4}(?:[ -]?\d{1,3})?(?!\d)")]
    private static partial Regex BankCard();
}
