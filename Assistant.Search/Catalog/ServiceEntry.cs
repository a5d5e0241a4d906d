using System.Text.Json.Serialization;

namespace Assistant.Search.Catalog;

/// <summary>One government service the assistant can send a citizen to: a curated core service or a real provincial item.</summary>
public sealed record ServiceEntry
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Keywords { get; init; } = [];
    public string Description { get; init; } = "";
    public string Audience { get; init; } = "个人";
    public string Theme { get; init; } = "";
    public string Department { get; init; } = "";
    public IReadOnlyList<string> Materials { get; init; } = [];

    /// <summary>全程网办, 网上预约+现场 or 现场.</summary>
    public string Mode { get; init; } = "";

    /// <summary>Where the service is handled offline (派出所, 社保经办机构 …).</summary>
    public string Where { get; init; } = "";

    [JsonPropertyName("cross_province")]
    public bool CrossProvince { get; init; }

    /// <summary>For transfers: 转入地 or 转出地, the side whose office handles the application.</summary>
    [JsonPropertyName("transfer_side")]
    public string? TransferSide { get; init; }

    [JsonPropertyName("varies_by_province")]
    public bool VariesByProvince { get; init; } = true;

    [JsonPropertyName("national_platform")]
    public string? NationalPlatform { get; init; }

    /// <summary>Null for core services (offered everywhere); a province code for a provincial long-tail item.</summary>
    public string? Province { get; init; }

    /// <summary>For long-tail items: the item page and where it came from.</summary>
    public ItemSource? Item { get; init; }

    [JsonIgnore]
    public bool IsCore => Item is null;

    [JsonIgnore]
    public bool IsTransfer => TransferSide is not null;

    /// <summary>Handled by the office where the citizen is insured (参保地: 异地就医备案, 手工报销, 养老金领取 …), wherever
    /// they live or go: the province is the insured one when the text names it.</summary>
    [JsonIgnore]
    public bool HandledWhereInsured => Where.StartsWith("参保地", StringComparison.Ordinal);
}

/// <summary>A real item of a provincial item list: its code, page, area and the data set it came from.</summary>
public sealed record ItemSource(string Code, string? Url, string AreaCode, string AreaName, string Dataset, string AsOf);
