using System.Text.Json.Serialization;
using Assistant.Search;
using Assistant.Search.Catalog;

namespace Assistant.Api.Endpoints;

/// <summary><c>GET /api/search</c>: ranked catalog services for a citizen's words, with the page for their province.</summary>
public static class SearchEndpoints
{
    public const int MaxQueryLength = 500;
    public const int MaxTop = 50;

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search).WithName("Search").WithSummary("Find catalog services for a query");
        return app;
    }

    private static IResult Search(CatalogSearch search, string? q, string? province, string? top)
    {
        if (QueryValidation.Validate(q) is { } problem)
        {
            return problem;
        }

        var count = 5;
        if (top is not null && (!int.TryParse(top, out count) || count < 1 || count > MaxTop))
        {
            return QueryValidation.Problem($"top must be a whole number from 1 to {MaxTop}.");
        }

        if (province is not null && search.Resources.Catalog.Province(province) is null)
        {
            return QueryValidation.Problem("province must be a two-digit province code such as 33 (浙江).");
        }

        var result = search.Search(q!, province, count);
        return Results.Ok(SearchResponse.From(result, province));
    }
}

/// <summary>Shared checks for the text a citizen sends.</summary>
public static class QueryValidation
{
    public static IResult? Validate(string? q) => string.IsNullOrWhiteSpace(q)
        ? Problem("q is required: say what you need, e.g. 身份证丢了.")
        : q.Length > SearchEndpoints.MaxQueryLength
            ? Problem($"q is longer than {SearchEndpoints.MaxQueryLength} characters.")
            : null;

    public static IResult Problem(string detail) => ApiProblem.Of(400, "Invalid query", detail);
}

internal sealed record SearchResponse(string Query, string Normalized, IReadOnlyList<string> Tokens, LocationDto? Location,
    IReadOnlyList<HitDto> Hits)
{
    public static SearchResponse From(SearchResult result, string? province) => new(result.Query, result.Normalized,
        result.Tokens, LocationDto.From(result.Location),
        [.. result.Hits.Select(h => new HitDto(h.Hit.Service.Id, h.Hit.Service.Name, Math.Round(h.Hit.Score, 4),
            h.Hit.Service.Province ?? province ?? result.Location?.ProvinceCode, PageDto.From(h.Page), h.Hit.Matched))]);
}

internal sealed record LocationDto(string Province, string? City, string? County)
{
    public static LocationDto? From(Location? location) =>
        location is null ? null : new LocationDto(location.ProvinceCode, location.CityCode, location.CountyCode);
}

internal sealed record HitDto(string Id, string Name, double Score, string? Province, PageDto? Page, IReadOnlyList<string> Matched);

internal sealed record PageDto(string Kind, string? Url, string? App, bool Verified, string? Note,
    [property: JsonPropertyName("item_code")] string? ItemCode)
{
    public static PageDto? From(ServicePage? page) =>
        page is null ? null : new PageDto(page.Kind, page.Url, page.App, page.Verified, page.Note, page.ItemCode);
}
