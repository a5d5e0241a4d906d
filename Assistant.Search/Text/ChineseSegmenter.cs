using System.Collections.Frozen;

namespace Assistant.Search.Text;

/// <summary>
/// Words of a normalized text: a base tokenizer's segmentation (SmartCn by default), plus every domain term and place
/// name the lexicon finds (term expansion, since SmartCn has no user dictionary), minus stop words. Thread-safe.
/// </summary>
public sealed class ChineseSegmenter(DomainLexicon lexicon, FrozenSet<string> stopWords, IWordTokenizer? tokenizer = null)
{
    private readonly IWordTokenizer _tokenizer = tokenizer ?? new SmartCnTokenizer();

    /// <summary>Loads SmartCn's dictionaries on one thread (see <see cref="SmartCnTokenizer.WarmUp"/>).</summary>
    public static void WarmUp() => SmartCnTokenizer.WarmUp();

    public DomainLexicon Lexicon => lexicon;

    public static FrozenSet<string> LoadStopWords(string dataDirectory) =>
        LexiconFiles.Lines(Path.Combine(dataDirectory, "lexicon", "stopwords.txt")).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>SmartCn's own tokens, unfiltered (tests, the README's measurements, and whether a string is a dictionary
    /// word for <see cref="Places.PlaceSoundAlikes"/>).</summary>
    public static IReadOnlyList<string> SmartCnTokens(string text) => [.. new SmartCnTokenizer().Tokenize(text).Select(t => t.Word)];

    /// <summary>Segmented words in text order, expansions right after the base token they start in, no duplicates.</summary>
    public IReadOnlyList<string> Segment(string text)
    {
        var positioned = new List<(int Start, int Order, string Word)>();
        foreach (var (start, word) in _tokenizer.Tokenize(text))
        {
            positioned.Add((start, 0, word));
        }

        foreach (var (start, word) in lexicon.FindAll(text))
        {
            positioned.Add((start, 1, word));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var words = new List<string>(positioned.Count);
        foreach (var (_, _, word) in positioned.OrderBy(p => p.Start).ThenBy(p => p.Order))
        {
            if (IsWord(word) && !stopWords.Contains(word) && seen.Add(word))
            {
                words.Add(word);
            }
        }

        return words;
    }

    private static bool IsWord(string token) => token.Any(char.IsLetterOrDigit);
}
