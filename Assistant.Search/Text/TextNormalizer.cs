using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;

namespace Assistant.Search.Text;

/// <summary>
/// Folds the many ways the same words reach us (全角, 繁體, 咋整, 十六岁, 请问…) into one form before segmentation.
/// Tables come from data/lexicon (generated from Unihan, or written by the team).
/// </summary>
public sealed partial class TextNormalizer
{
    private const string ClauseParticles = "啊呀呢吧嘛哦噻哈啦咧哇嘞呗";
    private readonly FrozenDictionary<char, char> _simplified;
    // Word: a row with a Latin letter at an edge (passport, sfz) replaces only whole Latin words (see ReplaceWords).
    private readonly (string From, string To, bool Word)[] _dialect;
    private readonly string[] _fillers;

    public TextNormalizer(IReadOnlyDictionary<char, char> simplified, IEnumerable<(string From, string To)> dialect,
        IEnumerable<string> fillers)
    {
        _simplified = simplified.ToFrozenDictionary();
        _dialect = [.. dialect.OrderByDescending(p => p.From.Length)
            .Select(p => (p.From, p.To, char.IsAsciiLetter(p.From[0]) || char.IsAsciiLetter(p.From[^1])))];
        _fillers = [.. fillers.OrderByDescending(f => f.Length)];
    }

    public static TextNormalizer Load(string dataDirectory)
    {
        var lexicon = Path.Combine(dataDirectory, "lexicon");
        var simplified = LexiconFiles.Pairs(Path.Combine(lexicon, "trad2simp.tsv"))
            .Where(p => p.Key.Length == 1 && p.Value.Length == 1)
            .ToDictionary(p => p.Key[0], p => p.Value[0]);
        return new TextNormalizer(simplified, LexiconFiles.Pairs(Path.Combine(lexicon, "normalization.tsv")),
            LexiconFiles.Lines(Path.Combine(lexicon, "fillers.txt")));
    }

    public NormalizedText Normalize(string text)
    {
        var canonical = Canonicalize(text);
        return new NormalizedText(text, canonical, StripFillers(canonical));
    }

    /// <summary>Width, script, case, dialect and numbers; keeps every meaningful word and the punctuation.</summary>
    public string Canonicalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var latin = false;
        foreach (var raw in text)
        {
            var ch = raw switch
            {
                '\u3000' => ' ',
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                _ => raw,
            };
            ch = _simplified.TryGetValue(ch, out var simple) ? simple : char.ToLowerInvariant(ch);
            latin |= char.IsAsciiLetterLower(ch);
            builder.Append(char.IsWhiteSpace(ch) ? ' ' : ch);
        }

        // string.Replace returns the same string when nothing matches: most rows cost one scan and no copy.
        var folded = builder.ToString();
        foreach (var (from, to, word) in _dialect)
        {
            folded = !word ? folded.Replace(from, to, StringComparison.Ordinal) : latin ? ReplaceWords(folded, from, to) : folded;
        }

        folded = ChineseNumerals.ToDigits(folded);
        return Spaces().Replace(folded, " ").Trim();
    }

    /// <summary>
    /// Replaces <paramref name="from"/> only where its Latin edges are word edges: no ASCII letter right before a leading
    /// letter or right after a trailing one, so deregistration is no registration, accompany no company, and chukou holds
    /// no hukou; an English ending is part of the word (passports, registered). Digits, Han characters and punctuation
    /// are edges: sfz丢了 and sfz123 are read (so is gjj in gjj.gov.cn).
    /// </summary>
    private static string ReplaceWords(string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        if (at < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var copied = 0;
        while (at >= 0)
        {
            var end = at + from.Length;
            if (char.IsAsciiLetter(from[^1]))
            {
                end += InflectionAt(text, end);
            }

            var whole = !(char.IsAsciiLetter(from[0]) && at > 0 && char.IsAsciiLetter(text[at - 1]))
                && !(char.IsAsciiLetter(from[^1]) && end < text.Length && char.IsAsciiLetter(text[end]));
            if (whole)
            {
                builder.Append(text, copied, at - copied).Append(to);
                copied = end;
            }

            at = text.IndexOf(from, whole ? end : at + 1, StringComparison.Ordinal);
        }

        return builder.Append(text, copied, text.Length - copied).ToString();
    }

    // English endings a mixed-in word carries (passports, registered, renewing, divorced): the word is still the row's.
    private static readonly string[] Inflections = ["ing", "es", "ed", "s", "d"];

    /// <summary>The length of an English ending that starts at <paramref name="at"/> and ends the Latin word, else 0.</summary>
    private static int InflectionAt(string text, int at)
    {
        foreach (var ending in Inflections)
        {
            var end = at + ending.Length;
            if (text.AsSpan(at).StartsWith(ending, StringComparison.Ordinal)
                && (end == text.Length || !char.IsAsciiLetter(text[end])))
            {
                return ending.Length;
            }
        }

        return 0;
    }

    /// <summary>Removes filler phrases, clause-final particles and punctuation (search matches on what is left).</summary>
    public string StripFillers(string canonical)
    {
        var builder = new StringBuilder(canonical);
        foreach (var filler in _fillers)
        {
            builder.Replace(filler, " ");
        }

        var text = ClauseEndParticles().Replace(builder.ToString(), " ");
        text = Punctuation().Replace(text, " ");
        text = Spaces().Replace(text, " ").Trim();
        return text.Length == 0 ? Punctuation().Replace(canonical, " ").Trim() : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"[\p{P}\p{S}]+")]
    private static partial Regex Punctuation();

    [GeneratedRegex("[" + ClauseParticles + @"]+(?=[\p{P}\s]|$)")]
    private static partial Regex ClauseEndParticles();
}
