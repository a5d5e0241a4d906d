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
// generated catalog of N entries (real items plus variants). Run on one core with bench/search.sh, or directly:
// dotnet run -c Release --project bench/SearchBench [N]   (N = 0 skips the generated catalog)
var size = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var data = Path.Combine(AppContext.BaseDirectory, "data");
Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} core(s) visible to the process, load average {File.ReadAllText("/proc/loadavg").Trim()}");
var watch = Stopwatch.StartNew();
var resources = SearchResources.Load(data);
Console.WriteLine($"load data: {watch.ElapsedMilliseconds} ms ({resources.Catalog.Services.Count} entries)");
var queries = File.ReadLines(Path.Combine(data, "eval", "dev.jsonl"))
    .Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();

var segmenterWatch = Stopwatch.StartNew();
resources.Features.Extract("社保卡怎么办理");
Console.WriteLine($"first segmentation (SmartCn dictionaries load): {segmenterWatch.ElapsedMilliseconds} ms");
var options = new SearchOptions();
var builder = new ServiceIndexBuilder(resources.Features, resources.Normalizer);
// On disk (FSDirectory), as the assistant keeps its index; a RAMDirectory of a million documents is not representative.
var root = Path.Combine(Path.GetTempPath(), $"searchbench-{Environment.ProcessId}");
try
{
    Measure("full catalog", resources.Catalog, "full", breakdown: true);
    var classifier = IntentModelStore.LoadOrTrain(resources, null, NullLogger.Instance);
    using (var index = ServiceIndex.Open(resources.Catalog, builder, root, "full"))
    {
        var search = new CatalogSearch(resources, new ServiceSearcher(index, resources.Catalog, options));
        var understander = new QueryUnderstander(search, classifier, DecisionPolicy.Load(data));
        Latency("understand (analysis + classifier + search + decision)", q => understander.Understand(q));
        var features = queries.Distinct().ToDictionary(q => q, q => search.Analyzer.Analyze(q).IntentFeatures);
        Latency("  classifier only (features precomputed)", q => classifier.Predict(features[q]));
    }

    if (size > 0)
    {
        var generated = Generate(resources.Catalog, size);
        Measure($"generated catalog of {size:N0}", new ServiceCatalog(generated, resources.Catalog.Provinces, [], "bench"), "generated", breakdown: true);
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}

void Measure(string name, ServiceCatalog catalog, string folder, bool breakdown)
{
    var build = Stopwatch.StartNew();
    using var index = ServiceIndex.Open(catalog, builder, root, folder);
    var seconds = build.Elapsed.TotalSeconds;
    Console.WriteLine($"{name}: built {index.Documents:N0} documents in {seconds:0.00} s = {index.Documents / seconds:N0} documents/s (incl. segmentation, pinyin, merge to one segment)");
    var search = new CatalogSearch(resources, new ServiceSearcher(index, catalog, options));
    // First: a fresh searcher on texts it has never seen (the held-out set), so every term is looked up and its postings
    // read on the query thread; the rows after it are warm (the dev texts, after two untimed passes).
    Cold($"{name}: search, cold (fresh term cache, held-out texts, one pass)", q => search.Search(q));
    Latency($"{name}: search (analysis + Lucene + pages)", q => search.Search(q));
    Latency($"{name}: search, second pass (warm)", q => search.Search(q));
    if (breakdown)
    {
        var parts = new SearchBreakdown(index, search);
        Latency($"{name}:   analysis only (normalize, places, features)", q => search.Analyzer.Analyze(q));
        Latency($"{name}:   Lucene query only (build query + top docs, no stored fields)", parts.QueryOnly);
        Latency($"{name}:   stored-field loading of {SearchBreakdown.Fetched} hits (what ServiceSearcher did before the id array)", parts.LoadOnly);
        Latency($"{name}:   ServiceSearcher.Search (features precomputed: query + doc loading + ranking + matched words)", parts.Searcher);
        Console.WriteLine($"{name}:   {parts.MeanClauses:0} term clauses per query on average");
        // Again after ~12,000 more queries: tells whether the first rows still paid for warm-up (tiered JIT, PGO).
        Latency($"{name}: search, after the breakdown", q => search.Search(q));
    }
}

void Latency(string name, Action<string> run)
{
    // Two untimed passes: on a busy core the background tier-1 JIT lags, and 50 warm-up queries left the first timed
    // rows running partly unoptimised code (their p50 was 2-10x the same work measured later).
    for (var pass = 0; pass < 2; pass++)
    {
        foreach (var q in queries)
        {
            run(q);
        }
    }

    var times = new List<double>();
    var cpu = new List<double>();
    var gcBefore = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
    var pausedBefore = GC.GetTotalPauseDuration();
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    for (var round = 0; round < 5; round++)
    {
        foreach (var q in queries)
        {
            var c = ThreadClock.Milliseconds();
            var t = Stopwatch.GetTimestamp();
            run(q);
            times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            cpu.Add(ThreadClock.Milliseconds() - c);
        }
    }

    times.Sort();
    cpu.Sort();
    var gcs = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - gcBefore[g]));
    var kilobytes = (GC.GetAllocatedBytesForCurrentThread() - allocated) / 1024.0 / times.Count;
    Console.WriteLine($"{name}: p50 {Percentile(times, 0.50):0.000} ms, p90 {Percentile(times, 0.90):0.000} ms, p99 {Percentile(times, 0.99):0.000} ms, max {times[^1]:0.000} ms over {times.Count} queries; thread CPU p50 {Percentile(cpu, 0.50):0.000} ms, p99 {Percentile(cpu, 0.99):0.000} ms ({kilobytes:N0} KB allocated per query, GC gen0/1/2 {gcs}, paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:N0} ms)");
}

void Cold(string name, Action<string> run)
{
    var texts = File.ReadLines(Path.Combine(data, "eval", "heldout.jsonl")).Where(l => l.StartsWith('{'))
        .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
    var times = new List<double>();
    foreach (var q in texts)
    {
        var t = Stopwatch.GetTimestamp();
        run(q);
        times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"{name}: p50 {Percentile(times, 0.50):0.000} ms, p90 {Percentile(times, 0.90):0.000} ms, p99 {Percentile(times, 0.99):0.000} ms, max {times[^1]:0.000} ms over {times.Count} queries");
}

static double Percentile(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

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
