using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Search;
using Assistant.Search.Intents;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: dotnet run -c Release --project bench/peers/Export -- <out_dir> <test.jsonl>...
// 1. training.tsv: the classifier's training set exactly as our model sees it (TrainingSet.Load: data/training/*.tsv
//    plus each core service's name and aliases), every example counted once as our model counts it, so every peer
//    learns from the same examples.
// 2. For diagnosis only: our classifier alone (no search, no fusion, no decision policy) as a raw "peer" prediction
//    file per test set, and our encoded features (words, bigrams, pinyin) for training and test sets, so a peer learner
//    can be run on exactly our features. Neither is what evaluators see: that is the `eval` command.
var outDir = args[0];
var resources = SearchResources.Load(Path.Combine(AppContext.BaseDirectory, "data"));
var examples = TrainingSet.Load(resources.DataPath, resources.Catalog);
var analyzer = new QueryAnalyzer(resources);
string Features(string text) => IntentClassifier.Encode(analyzer.Analyze(text).IntentFeatures);

// Tabs and newlines cannot occur in the texts: the loader splits lines on tabs.
File.WriteAllLines(Path.Combine(outDir, "training.tsv"), examples.Select(e => Row(e.Text, e)));
File.WriteAllLines(Path.Combine(outDir, "features-training.tsv"), examples.Select(e => Row(Features(e.Text), e)));
Console.WriteLine($"wrote {examples.Count} training examples over {examples.Select(e => e.Label).Distinct().Count()} labels");

var classifier = IntentModelStore.LoadOrTrain(resources, null, NullLogger.Instance);
foreach (var test in args.Skip(1))
{
    var cases = File.ReadLines(test).Where(l => l.Trim().Length > 0 && !l.StartsWith('#')).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
    File.WriteAllLines(Path.Combine(outDir, "features-" + Path.GetFileName(test)), cases.Select(c =>
    {
        var copy = c.DeepClone().AsObject();
        copy["text"] = Features((string)c["text"]!);
        return copy.ToJsonString();
    }));

    List<(string Label, float Probability)> Classify(string text) => [.. classifier.Predict(analyzer.Analyze(text).IntentFeatures).Take(5)];
    foreach (var c in cases.Take(500))
    {
        Classify((string)c["text"]!);    // warm-up, as the eval command does
    }

    File.WriteAllLines(Path.Combine(outDir, "ours-classifier-" + Path.GetFileName(test)), cases.Select(c =>
    {
        var start = Stopwatch.GetTimestamp();
        var ranked = Classify((string)c["text"]!);
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return JsonSerializer.Serialize(new { ranked = ranked.Select(r => new object[] { r.Label, r.Probability }), ms });
    }));
}

string Row(string text, LabelledText e) => $"{text}\t{e.Label}";
