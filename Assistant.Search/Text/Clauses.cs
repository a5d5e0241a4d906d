using System.Text.RegularExpressions;

namespace Assistant.Search.Text;

/// <summary>
/// The clauses of a normalized text: split at the punctuation that ends a clause and at spaces (a spoken text has no
/// commas), each of <see cref="MinimumHan"/> Han characters or more. A question mark stays with its clause, which then
/// asks (<see cref="RequestCues"/>). 、 is no break: it lists things (身份证、户口本丢了怎么补 is one clause).
/// </summary>
/// <remarks>Which clauses a text has decides the classifier's features (<see cref="TextFeatures.Focus"/>): a change
/// here needs <see cref="SearchResources.FormatVersion"/> bumped, or a model trained on the old clauses is reused.</remarks>
public static partial class Clauses
{
    public const int MinimumHan = 3;

    public static List<string> Split(string text) =>
        [.. Breaks().Split(text).Where(c => c.Count(FeatureExtractor.IsHan) >= MinimumHan)];

    [GeneratedRegex(@"(?<=\?)|[,。.!;:~…—]+|\s+")]
    private static partial Regex Breaks();
}
