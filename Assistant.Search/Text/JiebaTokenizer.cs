using JiebaNet.Segmenter;

namespace Assistant.Search.Text;

/// <summary>
/// jieba.NET's segmentation (precise mode, HMM for unknown words) with the domain terms added to its dictionary, the
/// alternative to SmartCn measured in data/README.md. Its dictionary files are copied beside the binaries
/// (<c>jieba/</c>, see Assistant.Search.csproj). jieba keeps its dictionary in a process-wide singleton, so the
/// configuration and <c>AddWord</c> happen once under a lock; cutting is read-only afterwards.
/// </summary>
public sealed class JiebaTokenizer : IWordTokenizer
{
    private static readonly Lock s_setup = new();
    private static readonly HashSet<string> s_added = new(StringComparer.Ordinal);
    private readonly JiebaSegmenter _segmenter;

    public JiebaTokenizer(IEnumerable<string> domainTerms)
    {
        lock (s_setup)
        {
            ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
            _segmenter = new JiebaSegmenter();
            foreach (var term in domainTerms.Where(t => t.Length >= 2 && s_added.Add(t)))
            {
                _segmenter.AddWord(term);
            }
        }
    }

    public IEnumerable<(int Start, string Word)> Tokenize(string text) =>
        _segmenter.Tokenize(text, TokenizerMode.Default, hmm: true).Select(t => (t.StartIndex, t.Word));
}
