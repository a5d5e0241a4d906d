using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Assistant.Search.Indexing;

/// <summary>
/// Feeds tokens we computed ourselves (<see cref="Text.FeatureExtractor"/>) to Lucene, so documents and queries are
/// tokenized by exactly one code path.
/// </summary>
internal sealed class TokenListStream : TokenStream
{
    private readonly IReadOnlyList<string> _tokens;
    private readonly ICharTermAttribute _term;
    private int _next;

    public TokenListStream(IReadOnlyList<string> tokens)
    {
        _tokens = tokens;
        _term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_next >= _tokens.Count)
        {
            return false;
        }

        ClearAttributes();
        _term.SetEmpty().Append(_tokens[_next++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _next = 0;
    }
}
