namespace Assistant.Search.Catalog;

/// <summary>A province-level region with its government-service app and portal, keeping the source's doubts.</summary>
/// <param name="Uncertain">Cells the source could not confirm (app_name, portal_url, code).</param>
public sealed record ProvinceInfo(string Code, string Name, string ShortName, string? AppName, string PortalUrl,
    IReadOnlySet<string> Uncertain)
{
    public bool AppUncertain => Uncertain.Contains("app_name");

    public bool PortalUncertain => Uncertain.Contains("portal_url");
}
