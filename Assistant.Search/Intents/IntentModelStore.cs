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
    public static IntentClassifier LoadOrTrain(SearchResources resources, string? artifactsPath, ILogger logger,
        int seed = IntentModel.Seed)
    {
        var ml = new MLContext(seed: seed);
        var examples = TrainingSet.Load(resources.DataPath, resources.Catalog);
        if (artifactsPath is null)
        {
            return new IntentClassifier(ml, Train(ml, resources, examples, logger));
        }

        var path = Path.Combine(artifactsPath, "models", $"intent-{Hash(resources, examples, seed)}.zip");
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
        return examples.Select(e => new IntentInput
        {
            Features = IntentClassifier.Encode(analyzer.Analyze(e.Text).IntentFeatures),
            Label = e.Label,
        });
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

    internal static string Hash(SearchResources resources, IReadOnlyList<LabelledText> examples, int seed)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(resources.Fingerprint + "|" + IntentModel.Version + "|" + examples.Count + "|seed " + seed));
        foreach (var file in TrainingSet.Files(resources.DataPath))
        {
            sha.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexString(sha.GetHashAndReset())[..16].ToLowerInvariant();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Trained the intent model on {Examples} examples in {Milliseconds} ms")]
    private static partial void LogTrained(ILogger logger, int examples, long milliseconds);
}
