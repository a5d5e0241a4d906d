namespace Assistant.Search.Places;

/// <summary>The small word checks the place rules make at every position of a text: loops, not lambdas, so nothing is
/// allocated on a text that names no place.</summary>
internal static class SpanWords
{
    /// <summary>Whether <paramref name="text"/> starts with one of <paramref name="words"/> (这边, 那边…; 工作, 务工…).</summary>
    public static bool StartsWithAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
