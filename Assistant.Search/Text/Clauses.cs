using System.Text.RegularExpressions;

namespace Assistant.Search.Text;

/// <summary>
/// The clauses of a text: split at punctuation and at a single space (a spoken text has no commas), each of
/// <see cref="MinimumHan"/> Han characters or more. A run of spaces is no break: it is where a place name was taken out
/// of the text the classifier reads (我在  上班).
/// </summary>
public static partial class Clauses
{
    public const int MinimumHan = 3;

    public static List<string> Split(string text) =>
        [.. Breaks().Split(text).Where(c => c.Count(FeatureExtractor.IsHan) >= MinimumHan)];

    [GeneratedRegex(@"[，,。.？?！!；;：:、]+|(?<!\s)\s(?!\s)")]
    private static partial Regex Breaks();
}
