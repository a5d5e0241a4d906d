using System.Globalization;
using System.Text.Json.Serialization;
using Assistant.Search;
using Assistant.Search.Intents;
using Microsoft.ML;

namespace Assistant.Api.Evaluation;

/// <summary>K-fold cross-validation of the intent classifier on the training data (as `rasa test nlu --cross-validation`).</summary>
internal static class CrossValidation
{
    /// <summary>The folds are always the same split (<see cref="IntentModel.Seed"/>); <paramref name="seed"/> is the
    /// models' training seed (<see cref="SearchOptions.IntentModelSeed"/>).</summary>
    public static CrossValidationResult Run(SearchResources resources, int folds, TextWriter output, int seed)
    {
        var examples = TrainingSet.Load(resources.DataPath, resources.Catalog).ToList();
        var shuffled = examples.OrderBy(_ => 0).ToList();
        new Random(IntentModel.Seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
        var rows = IntentModelStore.Rows(resources, shuffled).ToList();
        var accuracies = new List<double>();
        var macroF1s = new List<double>();
        for (var fold = 0; fold < folds; fold++)
        {
            var test = rows.Where((_, i) => i % folds == fold).ToList();
            var train = rows.Where((_, i) => i % folds != fold).ToList();
            var ml = new MLContext(seed: seed);
            var model = IntentModel.Train(ml, train, out _);
            var engine = ml.Model.CreatePredictionEngine<IntentInput, IntentOutput>(model);
            var labels = IntentModel.Labels(engine);
            var predicted = test.Select(r => engine.Predict(r).Score).Select(score => labels[Array.IndexOf(score, score.Max())]).ToList();
            var accuracy = test.Where((r, i) => predicted[i] == r.Label).Count() / (double)test.Count;
            var f1 = test.Select(r => r.Label).Distinct().Select(label =>
            {
                var tp = test.Where((r, i) => r.Label == label && predicted[i] == label).Count();
                var p = predicted.Count(x => x == label) is var n and > 0 ? tp / (double)n : 0;
                var rc = tp / (double)test.Count(r => r.Label == label);
                return p + rc == 0 ? 0 : 2 * p * rc / (p + rc);
            }).Average();
            accuracies.Add(accuracy);
            macroF1s.Add(f1);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fold {fold + 1}/{folds}: accuracy {accuracy:0.0000}, macro F1 {f1:0.0000} ({test.Count} utterances)"));
        }

        var result = new CrossValidationResult(folds, examples.Count, Math.Round(accuracies.Average(), 4), Math.Round(macroF1s.Average(), 4),
            [.. accuracies.Select(a => Math.Round(a, 4))]);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{folds}-fold cross-validation on {examples.Count} training utterances: accuracy {result.Accuracy:0.0000}, macro F1 {result.MacroF1:0.0000}"));
        return result;
    }
}

internal sealed record CrossValidationResult(
    [property: JsonPropertyName("folds")] int Folds,
    [property: JsonPropertyName("examples")] int Examples,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("macro_f1")] double MacroF1,
    [property: JsonPropertyName("fold_accuracy")] double[] FoldAccuracy);
