namespace Assistant.Search.Text;

/// <summary>
/// The openings and closings a caller wraps a request in (喂 你好 …, … 谢谢). Hotline callers nearly always open with
/// them, and left in they made the classifier hear a greeting in "喂 你好 我之前在苏州交的社保 养老那块怎么转". They are
/// dropped only when a request of <see cref="MinimumRequest"/> Han characters is left; alone, they are the greeting.
/// </summary>
public sealed class Salutations(IEnumerable<string> openings, IEnumerable<string> closings)
{
    public const int MinimumRequest = 6;
    private const string Separators = " ，,。.！!？?、~～…";
    private readonly string[] _openings = [.. openings.OrderByDescending(o => o.Length)];
    private readonly string[] _closings = [.. closings.OrderByDescending(c => c.Length)];

    public static Salutations Load(string dataDirectory)
    {
        var entries = LexiconFiles.Pairs(Path.Combine(dataDirectory, "lexicon", "salutations.txt")).ToList();
        return new Salutations(entries.Where(e => e.Value == "opening").Select(e => e.Key),
            entries.Where(e => e.Value == "closing").Select(e => e.Key));
    }

    /// <summary>The request inside the salutations, or the text itself when too little would be left.</summary>
    public string Strip(string canonical)
    {
        var start = 0;
        var end = canonical.Length;
        for (var found = true; found;)
        {
            found = false;
            start = Skip(canonical, start, end);
            foreach (var opening in _openings)
            {
                // A one-character opening (喂, 嗨) must stand apart, or 喂养 would lose its first character.
                if (string.CompareOrdinal(canonical, start, opening, 0, opening.Length) == 0
                    && (opening.Length > 1 || StandsApart(canonical, start + 1, end)))
                {
                    start += opening.Length;
                    found = true;
                    break;
                }
            }
        }

        for (var found = true; found;)
        {
            found = false;
            end = SkipBack(canonical, start, end);
            foreach (var closing in _closings)
            {
                if (end - start >= closing.Length && string.CompareOrdinal(canonical, end - closing.Length, closing, 0, closing.Length) == 0)
                {
                    end -= closing.Length;
                    found = true;
                    break;
                }
            }
        }

        if (start == 0 && end == canonical.Length)
        {
            return canonical;
        }

        var request = canonical[start..end];
        return request.Count(FeatureExtractor.IsHan) >= MinimumRequest ? request : canonical;
    }

    private bool StandsApart(string text, int position, int end) =>
        position >= end || Separators.Contains(text[position])
        || _openings.Any(o => string.CompareOrdinal(text, position, o, 0, o.Length) == 0);

    private static int Skip(string text, int start, int end)
    {
        while (start < end && Separators.Contains(text[start]))
        {
            start++;
        }

        return start;
    }

    private static int SkipBack(string text, int start, int end)
    {
        while (end > start && Separators.Contains(text[end - 1]))
        {
            end--;
        }

        return end;
    }
}
