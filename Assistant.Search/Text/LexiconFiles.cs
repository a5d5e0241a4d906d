namespace Assistant.Search.Text;

/// <summary>Reads the small line- and tab-separated lexicon files under data/lexicon (lines starting with # are comments).</summary>
public static class LexiconFiles
{
    public static IEnumerable<string> Lines(string path) =>
        File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));

    public static IEnumerable<(string Key, string Value)> Pairs(string path) =>
        Lines(path).Select(l => l.Split('\t')).Where(p => p.Length >= 2).Select(p => (p[0], p[1]));

    /// <summary>The tab-separated rows of a data file that is checked line by line (blank lines and # comments
    /// skipped), each with its 1-based line number for error messages.</summary>
    public static IEnumerable<(int Number, string Line, string[] Fields)> NumberedRows(string path) =>
        File.ReadLines(path).Select((line, i) => (Number: i + 1, Line: line))
            .Where(r => r.Line.Length > 0 && !r.Line.StartsWith('#'))
            .Select(r => (r.Number, r.Line, r.Line.Split('\t')));
}
