using System.Globalization;
using System.Text.Json.Serialization;
using Assistant.Search;
using Assistant.Search.Intents;
using Microsoft.ML;

namespace Assistant.Api.Evaluation;

/// <summary>
/// K-fold cross-validation of the intent classifier on the training data (as <c>rasa test nlu --cross-validation</c>).
/// Every example is predicted once, by the model that did not see it, and those predictions are scored the way the
/// eval command scores a test set: per-label precision, recall and F1, the confusion matrix and the errors, each error
/// with the training file and line it came from, so a writer can go straight to the line.
/// </summary>
public static class CrossValidation
{
    /// <summary>The report's mode, followed by the number of folds.</summary>
    public const string Mode = "cross-validation";

    private const int RankedLabels = 5;

    /// <summary>The folds are always the same split (<see cref="IntentModel.Seed"/>); <paramref name="seed"/> is the
    /// models' training seed (<see cref="SearchOptions.IntentModelSeed"/>).</summary>
    public static CrossValidationResult Run(SearchResources resources, IReadOnlyList<LabelledText> examples, int folds,
        TextWriter output, int seed)
    {
        var shuffled = examples.ToList();
        new Random(IntentModel.Seed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(shuffled));
        var rows = IntentModelStore.Rows(resources, shuffled).ToList();
        var services = resources.Catalog.CoreServices.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var predictions = new List<Prediction>(rows.Count);
        var accuracies = new List<double>();
        for (var fold = 0; fold < folds; fold++)
        {
            var held = Enumerable.Range(0, rows.Count).Where(i => i % folds == fold).ToList();
            var train = rows.Where((_, i) => i % folds != fold).ToList();
            var ml = new MLContext(seed: seed);
            var model = IntentModel.Train(ml, train, out _);
            var engine = ml.Model.CreatePredictionEngine<IntentInput, IntentOutput>(model);
            var labels = IntentModel.Labels(engine);
            var right = 0;
            foreach (var i in held)
            {
                var score = engine.Predict(rows[i]).Score;
                var ranked = Enumerable.Range(0, labels.Length).OrderByDescending(j => score[j]).Take(RankedLabels).ToList();
                var example = shuffled[i];
                var isService = services.Contains(example.Label);
                var testCase = new TestCase(example.Line, example.Text, isService ? example.Label : null,
                    isService ? null : example.Label, null, null, "text", example.Source);
                predictions.Add(new Prediction(testCase, labels[ranked[0]], score[ranked[0]], "answer",
                    [.. ranked.Select(j => labels[j])], null, null, 0));
                right += labels[ranked[0]] == example.Label ? 1 : 0;
            }

            accuracies.Add(right / (double)held.Count);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fold {fold + 1}/{folds}: accuracy {accuracies[^1]:0.0000} ({held.Count} utterances)"));
        }

        // In file order, so the errors read like a test set's.
        var inFileOrder = predictions.OrderBy(p => p.Case.Source, StringComparer.Ordinal).ThenBy(p => p.Case.Line).ToList();
        var report = EvalMetrics.Compute(inFileOrder, $"{Mode}, {folds} folds");
        var result = new CrossValidationResult(folds, examples.Count, Math.Round(accuracies.Average(), 4), report.MacroF1,
            [.. accuracies.Select(a => Math.Round(a, 4))], report);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{folds}-fold cross-validation on {examples.Count} training utterances: accuracy {result.Accuracy:0.0000}, macro F1 {result.MacroF1:0.0000}, {report.Errors.Count} errors"));
        foreach (var (pair, count) in MostConfused(report, 10))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {count,4}  {pair}"));
        }

        return result;
    }

    /// <summary>The label pairs most often confused, as "expected → predicted".</summary>
    public static IEnumerable<(string Pair, int Count)> MostConfused(EvalReport report, int take) =>
        report.Confusion
            .SelectMany(row => row.Value.Where(cell => cell.Key != row.Key).Select(cell => ($"{row.Key} → {cell.Key}", cell.Value)))
            .OrderByDescending(p => p.Value).ThenBy(p => p.Item1, StringComparer.Ordinal).Take(take);
}

/// <param name="Accuracy">Mean of the folds' accuracies.</param>
/// <param name="MacroF1">Over all held-out predictions together (the report's).</param>
/// <param name="Report">Every held-out prediction scored as a test set: per_label, confusion, errors (with source and line).</param>
public sealed record CrossValidationResult(
    [property: JsonPropertyName("folds")] int Folds,
    [property: JsonPropertyName("examples")] int Examples,
    [property: JsonPropertyName("accuracy")] double Accuracy,
    [property: JsonPropertyName("macro_f1")] double MacroF1,
    [property: JsonPropertyName("fold_accuracy")] double[] FoldAccuracy,
    [property: JsonPropertyName("report")] EvalReport Report);
