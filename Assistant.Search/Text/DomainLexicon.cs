using System.Collections.Frozen;

namespace Assistant.Search.Text;

/// <summary>
/// Domain terms and place names that SmartCn splits (社保卡 → 社保/卡) or keeps whole (杭州市): every occurrence in a
/// text is emitted as an extra token, so 社保卡, 杭州 and 养老保险 match as words on both the index and the query side.
/// </summary>
public sealed class DomainLexicon
{
    private readonly FrozenSet<string> _terms;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _maxLength;

    public DomainLexicon(IEnumerable<string> terms)
    {
        _terms = terms.Where(t => t.Length >= 2).ToFrozenSet(StringComparer.Ordinal);
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxLength = _terms.Count == 0 ? 0 : _terms.Max(t => t.Length);
    }

    public int Count => _terms.Count;

    public bool Contains(string term) => _terms.Contains(term);

    /// <summary>Every lexicon term found in the text, with its offset (overlaps included: 社保卡 yields 社保卡 and 社保).</summary>
    public IEnumerable<(int Start, string Term)> FindAll(string text)
    {
        for (var start = 0; start < text.Length; start++)
        {
            var max = Math.Min(_maxLength, text.Length - start);
            for (var length = max; length >= 2; length--)
            {
                if (_lookup.TryGetValue(text.AsSpan(start, length), out var term))
                {
                    yield return (start, term);
                }
            }
        }
    }
}
