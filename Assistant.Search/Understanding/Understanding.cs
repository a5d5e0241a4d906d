namespace Assistant.Search.Understanding;

/// <summary>What the assistant decides to do with a text.</summary>
public enum Decision
{
    /// <summary>One label is clear enough to act on.</summary>
    Answer,

    /// <summary>The top candidates are too close: offer them to the citizen.</summary>
    Clarify,

    /// <summary>Too unsure that it is a service or a known intent.</summary>
    OutOfScope,
}

/// <summary>A ranked candidate: a service id or a non-service intent.</summary>
public sealed record Candidate(string Label, string? Name, double Score, bool IsService);

/// <summary>A provincial long-tail item that search matched by its title, with its BM25 score.</summary>
public sealed record MatchedItem(string Id, string Name, string? Province, double SearchScore);

/// <summary>Everything the understanding step found in one text.</summary>
/// <param name="Label">A service id, a non-service intent (greeting, …) or <c>out_of_scope</c>.</param>
/// <param name="Province">Where the citizen is or wants it done (two digits).</param>
/// <param name="ToProvince">For transfers: the province whose office handles the application.</param>
/// <param name="Items">Provincial items search matched strongly, best first, whatever the decision: the classifier
/// never saw them, so they stay reachable even when the text is out of scope for it.</param>
public sealed record Understanding(
    string Text,
    string Normalized,
    IReadOnlyList<string> Tokens,
    string Label,
    double Confidence,
    Decision Decision,
    IReadOnlyList<Candidate> Candidates,
    string? Province,
    string? City,
    string? ToProvince,
    IReadOnlyList<MatchedItem> Items)
{
    public const string OutOfScopeLabel = "out_of_scope";

    public static readonly IReadOnlyList<string> MetaIntents =
        ["greeting", "goodbye", "thanks", "human_agent", "complaint", "progress_query"];

    public bool IsService => Candidates.Count > 0 && Candidates[0].IsService && Decision == Decision.Answer;
}
