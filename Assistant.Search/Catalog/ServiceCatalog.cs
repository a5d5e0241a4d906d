using System.Collections.Frozen;

namespace Assistant.Search.Catalog;

/// <summary>The national service catalog: core services, provincial long-tail items, provinces and item matches.</summary>
public sealed class ServiceCatalog
{
    private readonly FrozenDictionary<string, ServiceEntry> _byId;
    private readonly FrozenDictionary<string, int> _positions;
    private readonly FrozenDictionary<string, ProvinceInfo> _provinces;
    private readonly ILookup<string, ItemMatch> _matches;
    private readonly Lazy<FrozenSet<string>> _identifiers;

    public ServiceCatalog(IReadOnlyList<ServiceEntry> services, IReadOnlyList<ProvinceInfo> provinces,
        IReadOnlyList<ItemMatch> matches, string contentHash)
    {
        Services = services;
        Provinces = provinces;
        ItemMatches = matches;
        ContentHash = contentHash;
        _byId = services.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        _positions = services.Select((s, i) => (s.Id, i)).ToFrozenDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        _identifiers = new(() => services.Select(s => s.Id)
            .Concat(services.Select(s => s.Item).Concat(matches.Select(m => m.Item)).OfType<ItemSource>()
                .SelectMany(i => new[] { i.Code, i.Url }))
            .Concat(provinces.Select(p => p.PortalUrl))
            .OfType<string>()
            .ToFrozenSet(StringComparer.Ordinal));
        _provinces = provinces.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);
        _matches = matches.ToLookup(m => m.ServiceId, StringComparer.Ordinal);
    }

    public IReadOnlyList<ServiceEntry> Services { get; }

    public IReadOnlyList<ProvinceInfo> Provinces { get; }

    public IReadOnlyList<ItemMatch> ItemMatches { get; }

    /// <summary>A hash of every input file, so derived artifacts (index, model) know when to rebuild.</summary>
    public string ContentHash { get; }

    public IEnumerable<ServiceEntry> CoreServices => Services.Where(s => s.IsCore);

    public ServiceEntry? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>Where a service stands in the catalog (core services first, in services.json order, which groups them by
    /// department); unknown ids last.</summary>
    public int Position(string id) => _positions.GetValueOrDefault(id, int.MaxValue);

    /// <summary>
    /// Whether <paramref name="text"/> is exactly one of the catalog's own identifiers: a service id, an item code or
    /// an item or portal URL. They come from the catalog, never from a citizen, yet provincial ones hold digit runs of
    /// a bank card's shape (sc-…-11511301008778239R-1-00, …itemCode=…), which personal-data masking must leave whole.
    /// </summary>
    public bool IsCatalogIdentifier(string text) => _identifiers.Value.Contains(text);

    public ProvinceInfo? Province(string? code) => code is null ? null : _provinces.GetValueOrDefault(code);

    /// <summary>
    /// The page to send a citizen to for <paramref name="service"/> in <paramref name="provinceCode"/>: a real item page
    /// when one is known for that place, the province's portal otherwise, or the national platform when one handles it.
    /// </summary>
    /// <param name="cityCode">Four- or six-digit code of the citizen's city, when known: item pages of a city or county
    /// are only offered to citizens of that place.</param>
    public ServicePage? PageFor(ServiceEntry service, string? provinceCode, string? cityCode = null)
    {
        if (service.Item is { } own)
        {
            return new ServicePage(ServicePage.ItemKind, own.Url, Province(service.Province)?.AppName, service.Province,
                own.Code, Verified: false, Note: ItemNote(own));
        }

        if (!service.VariesByProvince && service.NationalPlatform is not null)
        {
            return new ServicePage(ServicePage.NationalKind, null, service.NationalPlatform, null, null, Verified: true,
                Note: $"全国统一办理平台：{service.NationalPlatform}");
        }

        var province = Province(provinceCode);
        if (province is null)
        {
            return null;
        }

        var match = _matches[service.Id].FirstOrDefault(m => m.Province == province.Code && Applies(m.Item, cityCode));
        if (match?.Item.Url is { Length: > 0 } url)
        {
            return new ServicePage(ServicePage.ItemKind, url, province.AppName, province.Code, match.Item.Code,
                Verified: false, Note: ItemNote(match.Item));
        }

        var note = province.PortalUncertain || province.AppUncertain
            ? $"仅知{province.Name}政务服务网入口；入口或App名称未经核实"
            : $"仅知{province.Name}政务服务网入口，请在其中搜索事项名称";
        return new ServicePage(ServicePage.PortalKind, province.PortalUrl, province.AppName, province.Code, null,
            Verified: !province.PortalUncertain, Note: note);
    }

    private static bool Applies(ItemSource item, string? cityCode)
    {
        var area = item.AreaCode.TrimEnd('0');
        if (area.Length <= 2)
        {
            return true;    // a province-level item serves the whole province
        }

        return cityCode is not null && (cityCode.StartsWith(area, StringComparison.Ordinal) || area.StartsWith(cityCode.TrimEnd('0'), StringComparison.Ordinal));
    }

    private static string ItemNote(ItemSource item) =>
        $"{item.AreaName}事项页面，来自{item.Dataset}（{item.AsOf}，地址可能已变更）";
}

/// <summary>A core service mapped to the same service in a provincial item list.</summary>
public sealed record ItemMatch(string ServiceId, string Province, ItemSource Item, string Match);
