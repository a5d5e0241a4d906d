using System.Text.Json.Serialization;
using Assistant.Search.Understanding;

namespace Assistant.Api.Endpoints;

/// <summary><c>GET /api/understand</c>: the whole understanding of one text (label, confidence, decision, candidates, places).</summary>
public static class UnderstandEndpoints
{
    public static IEndpointRouteBuilder MapUnderstandEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/understand", Understand).WithName("Understand").WithSummary("Classify a citizen's text and find its places");
        return app;
    }

    private static IResult Understand(QueryUnderstander understander, string? q) =>
        QueryValidation.Validate(q) ?? Results.Ok(UnderstandResponse.From(understander.Understand(q!)));
}

internal sealed record UnderstandResponse(
    string Text,
    string Normalized,
    IReadOnlyList<string> Tokens,
    string Label,
    double Confidence,
    string Decision,
    IReadOnlyList<CandidateDto> Candidates,
    string? Province,
    string? City,
    [property: JsonPropertyName("to_province")] string? ToProvince)
{
    public static UnderstandResponse From(Understanding u) => new(u.Text, u.Normalized, u.Tokens, u.Label, u.Confidence,
        u.Decision switch { Search.Understanding.Decision.Answer => "answer", Search.Understanding.Decision.Clarify => "clarify", _ => "out_of_scope" },
        [.. u.Candidates.Select(c => new CandidateDto(c.Label, c.Name, c.Score, c.IsService))], u.Province, u.City, u.ToProvince);
}

internal sealed record CandidateDto(string Label, string? Name, double Score, [property: JsonPropertyName("is_service")] bool IsService);
