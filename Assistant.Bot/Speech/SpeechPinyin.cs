using System.Collections.Frozen;
using System.Text;
using Assistant.Search.Text;

namespace Assistant.Bot.Speech;

/// <summary>
/// Chinese text → tone-numbered pinyin for espeak-ng's <c>cmn-latn-pinyin</c> voice (身份证 → "shen1 fen4 zheng4").
/// Characters take their Unihan kMandarin reading (data/lexicon/pinyin.tsv); the few words where that first reading is
/// wrong in government replies (异地 yi4 di4, not de5) come from data/lexicon/pinyin-words.tsv, longest match first.
/// </summary>
public sealed class SpeechPinyin(PinyinTable characters, FrozenDictionary<string, string> words)
{
    private const int DigitByDigitFrom = 3;   // hotlines (12345), years and codes are read digit by digit

    private static readonly string[] s_digits = ["ling2", "yao1", "er4", "san1", "si4", "wu3", "liu4", "qi1", "ba1", "jiu3"];

    private readonly int _longestWord = words.Count == 0 ? 0 : words.Keys.Max(k => k.Length);

    /// <summary>The word readings of data/lexicon/pinyin-words.tsv over a character table (the one search already loaded).</summary>
    public static SpeechPinyin Load(string dataDirectory, PinyinTable? characters = null)
    {
        var words = LexiconFiles.Pairs(Path.Combine(dataDirectory, "lexicon", "pinyin-words.tsv"))
            .ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        return new SpeechPinyin(characters ?? PinyinTable.Load(dataDirectory), words);
    }

    public string ToSpeechInput(string text)
    {
        var output = new StringBuilder(text.Length * 6);
        for (var i = 0; i < text.Length;)
        {
            var c = text[i];
            if (WordAt(text, i) is { } word)
            {
                Append(output, words[word]);
                i += word.Length;
            }
            else if (char.IsAsciiDigit(c))
            {
                var end = i;
                while (end < text.Length && char.IsAsciiDigit(text[end]))
                {
                    end++;
                }

                // Short numbers (15 个工作日) espeak-ng reads as quantities itself; long ones digit by digit.
                Append(output, end - i >= DigitByDigitFrom ? string.Join(' ', text[i..end].Select(d => s_digits[d - '0'])) : text[i..end]);
                i = end;
            }
            else
            {
                if (characters.Toned(c) is { } syllable)
                {
                    Append(output, syllable);
                }
                else if (char.IsAsciiLetter(c))
                {
                    output.Append(c);   // Latin letters of a word stay together (APP, ID)
                }
                else if ("。！？；.!?;\n".Contains(c, StringComparison.Ordinal))
                {
                    Pause(output, ". ");
                }
                else if ("，、：,:（）()—…".Contains(c, StringComparison.Ordinal) || char.IsWhiteSpace(c))
                {
                    Pause(output, ", ");
                }

                i++;
            }
        }

        return output.ToString().Trim(' ', ',', '.');
    }

    private string? WordAt(string text, int start)
    {
        for (var length = Math.Min(_longestWord, text.Length - start); length >= 2; length--)
        {
            var candidate = text.Substring(start, length);
            if (words.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static void Append(StringBuilder output, string syllables)
    {
        if (output.Length > 0 && output[^1] != ' ')
        {
            output.Append(' ');
        }

        output.Append(syllables).Append(' ');
    }

    private static void Pause(StringBuilder output, string mark)
    {
        var trimmed = output.ToString().TrimEnd(' ', ',', '.');
        output.Clear().Append(trimmed);
        if (output.Length > 0)
        {
            output.Append(mark);
        }
    }
}
