using System.Globalization;
using System.Text.RegularExpressions;

namespace Assistant.Search.Text;

/// <summary>Chinese numerals before a unit become digits (十六岁 → 16岁, 两年 → 2年), so 16岁 and 十六岁 match.</summary>
public static partial class ChineseNumerals
{
    private const string Digits = "零一二三四五六七八九";
    private const string Units = "十百千万";

    public static string ToDigits(string text) =>
        NumeralBeforeUnit().Replace(text, m => (ReadOut(m.Groups["n"].Value) ?? Parse(m.Groups["n"].Value)?.ToString(CultureInfo.InvariantCulture))
            is { } digits ? digits + m.Groups["u"].Value : m.Value);

    /// <summary>Three digits or more without a unit, read out one by one as years and numbers are (二零二四 → "2024",
    /// 零零七 → "007"), or null.</summary>
    private static string? ReadOut(string numeral) =>
        numeral.Length >= 3 && numeral.All(ch => ch == '〇' || Digits.Contains(ch, StringComparison.Ordinal))
            ? string.Concat(numeral.Select(ch => ch == '〇' ? '0' : (char)('0' + Digits.IndexOf(ch, StringComparison.Ordinal))))
            : null;

    /// <summary>Parses 十六, 二十, 一百零五, 三千, and 二零二四 digit by digit (three digits or more without a unit, as years
    /// and numbers are read out); null when the run is not a number, as two digits without a unit are not (三五天 and
    /// 两三天 are a few days, not 35 or 3).</summary>
    public static long? Parse(string numeral)
    {
        if (numeral.Length >= 2 && !numeral.Any(ch => Units.Contains(ch, StringComparison.Ordinal)))
        {
            return ReadOut(numeral) is { } digits && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value
                : null;
        }

        long total = 0, section = 0, digit = 0;
        var any = false;
        foreach (var ch in numeral)
        {
            var d = ch switch { '〇' => 0, '两' => 2, _ => Digits.IndexOf(ch, StringComparison.Ordinal) };
            if (d >= 0)
            {
                digit = d;
                any = true;
                continue;
            }

            var unit = ch switch { '十' => 10, '百' => 100, '千' => 1000, '万' => 10000, _ => 0 };
            if (unit == 0)
            {
                return null;
            }

            if (unit == 10000)
            {
                total = (total + section + digit) * unit;
                section = 0;
            }
            else
            {
                section += (digit == 0 && !any ? 1 : digit) * unit;
            }

            digit = 0;
            any = true;
        }

        return any ? total + section + digit : null;
    }

    [GeneratedRegex("(?<n>[零〇一二两三四五六七八九十百千万]+)(?<u>岁|周岁|年|个月|月|天|日|号|元|块|万元|次|张)")]
    private static partial Regex NumeralBeforeUnit();
}
