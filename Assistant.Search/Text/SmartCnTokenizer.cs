using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;

namespace Assistant.Search.Text;

/// <summary>SmartCn's HMM segmentation (Lucene.Net.Analysis.SmartCn). Thread-safe: one tokenizer per call.</summary>
public sealed class SmartCnTokenizer : IWordTokenizer
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
                _ = new SmartCnTokenizer().Tokenize("预热分词词典").ToList();
                s_warm = true;
            }
        }
    }

    public IEnumerable<(int Start, string Word)> Tokenize(string text)
    {
        var tokens = new List<(int, string)>();
        using var tokenizer = new HMMChineseTokenizer(new StringReader(text));
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        var offset = tokenizer.AddAttribute<IOffsetAttribute>();
        tokenizer.Reset();
        while (tokenizer.IncrementToken())
        {
            tokens.Add((offset.StartOffset, term.ToString()));
        }

        tokenizer.End();
        return tokens;
    }
}
