using System.Security.Cryptography;
using System.Text.Json;

namespace Assistant.Search.Catalog;

/// <summary>Builds the <see cref="ServiceCatalog"/> from the files under <c>data/</c> (see data/README.md).</summary>
public static class CatalogLoader
{
    public const string GuangdongDataset = "广东政务服务网事项清单";
    public const string GuanganDataset = "四川政务服务网广安区事项清单";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { ReadCommentHandling = JsonCommentHandling.Skip };

    public static ServiceCatalog Load(string dataDirectory)
    {
        var files = new CatalogFiles(dataDirectory);
        var core = JsonSerializer.Deserialize<List<ServiceEntry>>(File.ReadAllText(files.CoreServices), s_json)
            ?? throw new InvalidDataException($"{files.CoreServices} holds no services");
        var guangdong = ReadGuangdongItems(files.GuangdongItems).ToDictionary(i => i.Item!.Code, StringComparer.Ordinal);
        var guangan = ReadGuanganItems(files.GuanganItems).ToDictionary(i => i.Item!.Code, StringComparer.Ordinal);
        var matches = ReadMatches(files.ItemMatches, guangdong, guangan);

        // A matched item is the core service itself in that province: it is its page, not a second search hit.
        var matched = matches.Select(m => m.Item.Code).ToHashSet(StringComparer.Ordinal);
        var longTail = guangdong.Values.Concat(guangan.Values).Where(i => !matched.Contains(i.Item!.Code));
        var services = core.Concat(longTail).ToList();
        return new ServiceCatalog(services, ReadProvinces(files.Provinces), matches, files.Hash());
    }

    public static IReadOnlyList<ProvinceInfo> ReadProvinces(string path) =>
        [.. CsvFile.Read(path).Select(r => new ProvinceInfo(r["code"], r["name"], r["short_name"],
            string.IsNullOrWhiteSpace(r["app_name"]) ? null : r["app_name"], r["portal_url"],
            r["uncertain"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)))];

    private static IEnumerable<ServiceEntry> ReadGuangdongItems(string path) =>
        CsvFile.Read(path).Select(r => new ServiceEntry
        {
            Id = "gd-" + r["TASK_CODE"],
            Name = r["TASK_NAME"],
            Aliases = r["CATANAME"] == r["TASK_NAME"] ? [] : [r["CATANAME"]],
            Keywords = [.. r["theme_category"].Split('|', StringSplitOptions.RemoveEmptyEntries).Where(t => t != "其他")],
            Department = r["DEPT_NAME"],
            Theme = r["TASK_TYPE_TEXT"],
            Audience = r["service_object_name"].Contains("自然人", StringComparison.Ordinal) ? "个人" : "法人",
            Province = "44",
            Item = new ItemSource(r["TASK_CODE"], Url(r["URL"]), r["AREACODE"], r["AREA_CODE_TEXT"], GuangdongDataset, "约2021年采集"),
        });

    private static IEnumerable<ServiceEntry> ReadGuanganItems(string path) =>
        CsvFile.Read(path).Select(r => new ServiceEntry
        {
            Id = "sc-" + r["item_code"],
            Name = r["item_name"],
            Aliases = r["main_item"] is "未分类" or "" || r["main_item"] == r["item_name"] ? [] : [r["main_item"]],
            Department = "广安区" + r["department"],
            Province = "51",
            Item = new ItemSource(r["item_code"], Url(r["link"]), r["area_code"], "四川省广安市广安区", GuanganDataset, "采集日期不详，2025年公开"),
        });

    private static List<ItemMatch> ReadMatches(string path, Dictionary<string, ServiceEntry> guangdong,
        Dictionary<string, ServiceEntry> guangan)
    {
        var matches = new List<ItemMatch>();
        foreach (var row in CsvFile.Read(path))
        {
            var items = row["province"] == "44" ? guangdong : guangan;
            if (!items.TryGetValue(row["item_code"], out var item))
            {
                throw new InvalidDataException($"{path}: item {row["item_code"]} is not in the {row["province"]} item list");
            }

            matches.Add(new ItemMatch(row["service_id"], row["province"], item.Item!, row["match"]));
        }

        return matches;
    }

    private static string? Url(string raw) =>
        Uri.TryCreate(raw.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.ToString() : null;

    private sealed record CatalogFiles(string Root)
    {
        public string CoreServices => Path.Combine(Root, "catalog", "services.json");
        public string ItemMatches => Path.Combine(Root, "catalog", "item-matches.csv");
        public string Provinces => Path.Combine(Root, "external", "provinces", "provinces.csv");
        public string GuangdongItems => Path.Combine(Root, "external", "gd-province-items", "items.csv");
        public string GuanganItems => Path.Combine(Root, "external", "sczwfw-guangan", "sczwfw_511602_items.csv");

        public string Hash()
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            foreach (var file in new[] { CoreServices, ItemMatches, Provinces, GuangdongItems, GuanganItems })
            {
                sha.AppendData(File.ReadAllBytes(file));
            }

            return Convert.ToHexString(sha.GetHashAndReset())[..16];
        }
    }
}
