using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Assistant.Search;
using Assistant.Search.Catalog;
using Assistant.Search.Indexing;
using Assistant.Search.Intents;
using Assistant.Search.Understanding;
using Microsoft.Extensions.Logging.Abstractions;

// Search benchmark: index build (documents/s) and per-query latency (p50/p99, one thread) on the full catalog and on a
// generated catalog of N entries (real items plus variants). Usage: dotnet run -c Release --project bench/SearchBench [N]
var size = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var data = Path.Combine(AppContext.BaseDirectory, "data");
var watch = Stopwatch.StartNew();
var resources = SearchResources.Load(data);
Console.WriteLine($"load data: {watch.ElapsedMilliseconds} ms ({resources.Catalog.Services.Count} entries)");
var queries = File.ReadLines(Path.Combine(data, "..", "..", "..", "..", "..", "..", "data", "eval", "dev.jsonl"))
    .Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();

var segmenterWatch = Stopwatch.StartNew();
resources.Features.Extract("社保卡怎么办理");
Console.WriteLine($"first segmentation (SmartCn dictionaries load): {segmenterWatch.ElapsedMilliseconds} ms");
var options = new SearchOptions();
var builder = new ServiceIndexBuilder(resources.Features, resources.Normalizer);
Measure("full catalog", resources.Catalog);

var classifier = IntentModelStore.LoadOrTrain(resources, null, NullLogger.Instance);
using (var index = ServiceIndex.Open(resources.Catalog, builder, null, "bench"))
{
    var search = new CatalogSearch(resources, new ServiceSearcher(index, resources.Catalog, options));
    var understander = new QueryUnderstander(search, classifier, DecisionPolicy.Load(data));
    Latency("understand (analysis + classifier + search + decision)", q => understander.Understand(q));
    Latency("  analysis only (normalize, places, 2x features)", q => search.Analyzer.Analyze(q));
    var analyzed = queries.Select(search.Analyzer.Analyze).ToList();
    var i = 0;
    Latency("  classifier only", _ => classifier.Predict(analyzed[i++ % analyzed.Count].IntentFeatures));
    i = 0;
    Latency("  Lucene search only", _ => search.Searcher.Search(analyzed[i++ % analyzed.Count].Features, null, 10));
}

if (size > 0)
{
    var generated = Generate(resources.Catalog, size);
    Measure($"generated catalog of {size:N0}", new ServiceCatalog(generated, resources.Catalog.Provinces, [], "bench"));
}

void Measure(string name, ServiceCatalog catalog)
{
    var build = Stopwatch.StartNew();
    using var index = ServiceIndex.Open(catalog, builder, null, "bench");
    var seconds = build.Elapsed.TotalSeconds;
    Console.WriteLine($"{name}: built {index.Documents:N0} documents in {seconds:0.00} s = {index.Documents / seconds:N0} documents/s");
    var search = new CatalogSearch(resources, new ServiceSearcher(index, catalog, options));
    Latency($"{name}: search (analysis + Lucene + pages)", q => search.Search(q));
    Latency($"{name}: search, second pass (warm)", q => search.Search(q));
}

void Latency(string name, Action<string> run)
{
    foreach (var q in queries.Take(50))
    {
        run(q);
    }

    var times = new List<double>();
    for (var round = 0; round < 5; round++)
    {
        foreach (var q in queries)
        {
            var t = Stopwatch.GetTimestamp();
            run(q);
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
    }

    times.Sort();
    Console.WriteLine($"{name}: p50 {times[times.Count / 2]:0.000} ms, p99 {times[(int)(times.Count * 0.99)]:0.000} ms over {times.Count} queries");
}

static List<ServiceEntry> Generate(ServiceCatalog catalog, int size)
{
    // Variants of real entries: the same words re-combined under new ids, as a larger provincial catalog would look.
    var random = new Random(1);
    var source = catalog.Services;
    var result = new List<ServiceEntry>(size);
    for (var n = 0; n < size; n++)
    {
        var a = source[random.Next(source.Count)];
        var b = source[random.Next(source.Count)];
        result.Add(a with
        {
            Id = $"gen-{n}",
            Name = a.Name + (n % 3 == 0 ? "（" + b.Department + "）" : ""),
            Aliases = [.. a.Aliases.Take(3), .. b.Keywords.Take(2)],
            Description = n % 10 == 0 ? a.Description : "",
            Province = (11 + (n % 50)).ToString(CultureInfo.InvariantCulture),
            Item = new ItemSource($"gen-{n}", null, "000000", "生成", "generated", "bench"),
        });
    }

    return result;
}
