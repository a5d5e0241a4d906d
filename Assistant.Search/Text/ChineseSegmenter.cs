using System.Collections.Frozen;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace Assistant.Search.Text;

/// <summary>
/// Words of a normalized text: SmartCn's HMM segmentation, plus every domain term and place name the lexicon finds
/// (term expansion, since SmartCn has no user dictionary), minus stop words. Thread-safe: one tokenizer per call.
/// </summary>
public sealed class ChineseSegmenter(DomainLexicon lexicon, FrozenSet<string> stopWords)
{
    private static readonly Lock s_warmUp = new();
    private static bool s_warm;

    /// <summary>
    /// Loads SmartCn's dictionaries on one thread. Its singletons initialize lazily and two threads touching them first at
    /// the same time can deadlock (seen when the web host's warm-up and a test fixture started together).
    /// </summary>
    public static void WarmUp()
    {
        lock (s_warmUp)
        {
            if (!s_warm)
            {
                SmartCnTokens("预热分词词典");
                s_warm = true;
            }
        }
    }

    public DomainLexicon Lexicon => lexicon;

    public static FrozenSet<string> LoadStopWords(string dataDirectory) =>
        LexiconFiles.Lines(Path.Combine(dataDirectory, "lexicon", "stopwords.txt")).ToFrozenSet(StringComparer.Ordinal);

    /// <summary>SmartCn's own tokens, unfiltered (for tests and the README's measurements).</summary>
    public static IReadOnlyList<string> SmartCnTokens(string text)
    {
        var tokens = new List<string>();
        using var tokenizer = new HMMChineseTokenizer(new StringReader(text));
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            tokens.Add(term.ToString());
        }

        tokenizer.End();
        return tokens;
    }

    /// <summary>Segmented words in text order, expansions right after the SmartCn token they start in, no duplicates.</summary>
    public IReadOnlyList<string> Segment(string text)
    {
        var positioned = new List<(int Start, int Order, string Word)>();
        using (var tokenizer = new HMMChineseTokenizer(new StringReader(text)))
        {
            var term = tokenizer.AddAttribute<ICharTermAttribute>();
            var offset = tokenizer.AddAttribute<IOffsetAttribute>();
            tokenizer.Reset();
            while (tokenizer.IncrementToken())
            {
                positioned.Add((offset.StartOffset, 0, term.ToString()));
            }

            tokenizer.End();
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
