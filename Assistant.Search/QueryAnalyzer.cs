using Assistant.Search.Places;
using Assistant.Search.Text;

namespace Assistant.Search;

/// <summary>Normalization, places and features of a text: the one analysis shared by search, classification and training.</summary>
public sealed class QueryAnalyzer(SearchResources resources)
{
    public AnalyzedQuery Analyze(string query)
    {
        var normalized = resources.Normalizer.Normalize(query);
        var mentions = resources.Locations.Extract(normalized.Canonical);
        var location = LocationExtractor.MostSpecific(mentions) is { } place ? Location.From(place.Division) : null;

        // Place names say where, not what: they are taken out before the words are matched against services. The
        // classifier keeps the fillers (你好, 谢谢 are what greetings and thanks are made of) unless they only wrap a
        // request (喂 你好 …); search drops them.
        var what = mentions.Count == 0 ? normalized.Canonical : WithoutPlaces(normalized.Canonical, mentions);
        var searchText = resources.Normalizer.StripFillers(what);
        var intentText = resources.Salutations.Strip(what);
        var intentFeatures = resources.Features.Extract(intentText) with { Focus = Asked(intentText) };
        return new AnalyzedQuery(normalized, mentions, location, resources.Features.Extract(searchText), intentFeatures);
    }

    /// <summary>
    /// The words of the clauses that ask for something, when some clauses of the text do and some do not
    /// (<see cref="TextFeatures.Focus"/>): when all ask or none does, nothing is set apart, so 身份证丢了，怎么补办 and
    /// 身份证丢了怎么补办 read the same. The text is the classifier's, places blanked out, so a place also ends a clause
    /// (我在  上班 gives 我在 and 上班, both too short to count): the clause rule splits the text with its places, and
    /// the two can differ around a place, the same way in training and in use.
    /// </summary>
    private IReadOnlyList<string> Asked(string text)
    {
        var clauses = Clauses.Split(text);
        var asking = clauses.Where(resources.RequestCues.Asks).ToList();
        return asking.Count == 0 || asking.Count == clauses.Count ? []
            : [.. asking.SelectMany(resources.Features.Segmenter.Segment).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The text with its place mentions blanked out (a space each), so what is left says what, not where.</summary>
    public static string WithoutPlaces(string text, IReadOnlyList<PlaceMention> mentions)
    {
        var chars = text.ToCharArray();
        foreach (var mention in mentions)
        {
            Array.Fill(chars, ' ', mention.Start, mention.Length);
        }

        return new string(chars);
    }
}
