using Assistant.Search.Catalog;
using Assistant.Search.Understanding;

namespace Assistant.Bot.Skills;

/// <summary>What find_services returns: the understanding of a text, with the decision as a word.</summary>
public sealed record ServiceMatches(string Text, string Normalized, IReadOnlyList<string> Tokens, string Label,
    double Confidence, string Decision, IReadOnlyList<Candidate> Candidates, string? Province, string? City, string? ToProvince,
    IReadOnlyList<MatchedItem> Items)
{
    public const string Answer = "answer";
    public const string Clarify = "clarify";
    public const string OutOfScope = "out_of_scope";

    public bool IsServiceAnswer => Decision == Answer && Candidates.Count > 0 && Candidates[0].IsService;

    /// <summary>Candidates below this confidence are not offered to a model: the classifier gives every label some
    /// probability, and a model handed ten labels would pick from ones the evidence never supported.</summary>
    public const double MinCandidateConfidence = 0.01;

    public static ServiceMatches From(Understanding understanding) => new(understanding.Text, understanding.Normalized,
        understanding.Tokens, understanding.Label, understanding.Confidence, understanding.Decision switch
        {
            Search.Understanding.Decision.Answer => Answer,
            Search.Understanding.Decision.Clarify => Clarify,
            _ => OutOfScope,
        }, [.. understanding.Candidates.Where((c, i) => i == 0 || c.Score >= MinCandidateConfidence)],
        understanding.Province, understanding.City, understanding.ToProvince, understanding.Items);
}

/// <summary>A place resolved to its province and, when named, city.</summary>
/// <param name="SaysOnlyThePlace">The text holds nothing but the place and the small words of a place reply (那上海呢,
/// 我在青岛, 山东): said after an answer, it asks for the same service there.</param>
public sealed record PlaceResolution(string ProvinceCode, string ProvinceName, string? CityCode, string? CityName,
    bool SaysOnlyThePlace = false);

/// <summary>A service's guide for one province: what to bring, how and where, and the page to open.</summary>
/// <param name="CrossProvince">Whether it can be done from another province (跨省通办); null for a provincial item,
/// whose list does not say.</param>
/// <param name="NeedsPlace">True when the page depends on the province and none was given.</param>
public sealed record ServiceGuide(string Id, string Name, string Description, IReadOnlyList<string> Materials, string Mode,
    string Where, string Department, bool? CrossProvince, string? TransferSide, string? ProvinceCode, string? ProvinceName,
    ServicePage? Page, bool NeedsPlace);
