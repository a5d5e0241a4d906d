namespace Assistant.Search.Catalog;

/// <summary>Where to send the citizen for a service in a province, typed honestly.</summary>
/// <param name="Kind"><c>item</c>: a real item page from a provincial list; <c>portal</c>: only the provincial portal/app
/// is known; <c>national</c>: one national platform handles the service everywhere.</param>
/// <param name="Verified">False when the source marks the URL or app name as uncertain, or the item URL is a dated scrape.</param>
/// <param name="Note">What the citizen should know about the page (date of the scrape, uncertainty).</param>
public sealed record ServicePage(string Kind, string? Url, string? App, string? ProvinceCode, string? ItemCode,
    bool Verified, string? Note)
{
    public const string ItemKind = "item";
    public const string PortalKind = "portal";
    public const string NationalKind = "national";
}
