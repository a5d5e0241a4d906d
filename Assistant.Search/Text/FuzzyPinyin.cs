namespace Assistant.Search.Text;

/// <summary>
/// Folds the sound pairs that speakers of southern Mandarin and dialects merge, and that speech recognition therefore
/// confuses: the initials zh/z, ch/c, sh/s and n/l, and the finals ang/an, eng/en, ing/in (护照 hu zhao ≈ 护造 hu zao).
/// Works on toneless syllables and on syllable bigrams joined by '_'.
/// </summary>
public static class FuzzyPinyin
{
    public static string Of(string syllables)
    {
        if (!syllables.Contains('_', StringComparison.Ordinal))
        {
            return Syllable(syllables);
        }

        var parts = syllables.Split('_');
        for (var i = 0; i < parts.Length; i++)
        {
            parts[i] = Syllable(parts[i]);
        }

        return string.Join('_', parts);
    }

    private static string Syllable(string s)
    {
        if (s.Length > 2 && s[1] == 'h' && s[0] is 'z' or 'c' or 's')
        {
            s = s[0] + s[2..];
        }
        else if (s.Length > 1 && s[0] == 'n' && s[1] != 'g')
        {
            s = "l" + s[1..];
        }

        return s.Length > 2 && s.EndsWith("ng", StringComparison.Ordinal) && s[^3] is 'a' or 'e' or 'i' ? s[..^1] : s;
    }
}
