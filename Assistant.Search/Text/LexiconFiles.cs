namespace Assistant.Search.Text;

/// <summary>Reads the small line- and tab-separated lexicon files under data/lexicon (lines starting with # are comments).</summary>
public static class LexiconFiles
{
    public static IEnumerable<string> Lines(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    public static IEnumerable<(string Key, string Value)> Pairs(string path) =>
        Lines(path).Select(l => l.Split('\t')).Where(p => p.Length >= 2).Select(p => (p[0], p[1]));
}
