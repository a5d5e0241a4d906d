using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.ML;

namespace Assistant.Search.Intents;

/// <summary>
/// Trains the intent model once per training-data hash and keeps it as a zip under the artifacts folder, so every
/// later start only loads it.
/// </summary>
public static partial class IntentModelStore
{
    private const double MaxClassWeight = 6;

    public static IntentClassifier LoadOrTrain(SearchResources resources, string? artifactsPath, ILogger logger)
    {
        var ml = new MLContext(seed: IntentModel.Seed);
        var examples = TrainingSet.Load(resources.DataPath, resources.Catalog);
        if (artifactsPath is null)
        {
            return new IntentClassifier(ml, Train(ml, resources, examples, logger));
        }

        var path = Path.Combine(artifactsPath, "models", $"intent-{Hash(resources, examples)}.zip");
        if (File.Exists(path))
        {
            return new IntentClassifier(ml, ml.Model.Load(path, out _));
        }

        var model = Train(ml, resources, examples, logger, out var schema);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var staging = $"{path}.{Guid.NewGuid():N}.tmp";    // unique: two trainers in one process must not share it
        ml.Model.Save(model, schema, staging);
        File.Move(staging, path, overwrite: true);
        return new IntentClassifier(ml, model);
    }

    public static IEnumerable<IntentInput> Rows(SearchResources resources, IEnumerable<LabelledText> examples)
    {
        var analyzer = new QueryAnalyzer(resources);
        var list = examples.ToList();
        var weights = ClassWeights(list);
        return list.Select(e => new IntentInput
        {
            Features = IntentClassifier.Encode(analyzer.Analyze(e.Text).IntentFeatures),
            Label = e.Label,
            Weight = weights[e.Label],
        });
    }

    /// <summary>
    /// Balances classes: a class larger than <see cref="MaxClassWeight"/> times the median class counts as that size in
    /// total (the out-of-scope class holds thousands of borrowed SMP2017 utterances; services hold ~40 each).
    /// </summary>
    public static Dictionary<string, float> ClassWeights(IReadOnlyList<LabelledText> examples)
    {
        var sizes = examples.GroupBy(e => e.Label, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var median = sizes.Values.Order().ElementAt(sizes.Count / 2);
        return sizes.ToDictionary(p => p.Key, p => (float)Math.Min(1.0, MaxClassWeight * median / p.Value), StringComparer.Ordinal);
    }

    private static ITransformer Train(MLContext ml, SearchResources resources, IReadOnlyList<LabelledText> examples, ILogger logger) =>
        Train(ml, resources, examples, logger, out _);

    private static ITransformer Train(MLContext ml, SearchResources resources, IReadOnlyList<LabelledText> examples,
        ILogger logger, out DataViewSchema schema)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var model = IntentModel.Train(ml, Rows(resources, examples).ToList(), out schema);
        LogTrained(logger, examples.Count, watch.ElapsedMilliseconds);
        return model;
    }

    private static string Hash(SearchResources resources, IReadOnlyList<LabelledText> examples)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(resources.Fingerprint + "|model-v3|" + examples.Count));
        foreach (var file in TrainingSet.Files(resources.DataPath))
        {
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained the intent model on {Examples} examples in {Milliseconds} ms")]
    private static partial void LogTrained(ILogger logger, int examples, long milliseconds);
}
