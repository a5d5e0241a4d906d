using System.Text.Json.Serialization;

namespace Assistant.Api.Evaluation;

/// <summary>One prediction of the assistant for a test case.</summary>
public sealed record Prediction(TestCase Case, string Label, double Score, string Decision, IReadOnlyList<string> Ranked,
    string? Province, string? ToProvince, double Milliseconds);

/// <summary>The JSON every evaluator reads (../shared/eval/FORMAT.md), plus breakdowns.</summary>
public sealed record EvalReport
{
    [JsonPropertyName("cases")] public int Cases { get; init; }
    [JsonPropertyName("mode")] public string Mode { get; init; } = "full";
    [JsonPropertyName("intent_accuracy")] public double IntentAccuracy { get; init; }
    [JsonPropertyName("service_top1")] public double ServiceTop1 { get; init; }
    [JsonPropertyName("service_top3")] public double ServiceTop3 { get; init; }
    [JsonPropertyName("service_mrr")] public double ServiceMrr { get; init; }
    [JsonPropertyName("macro_f1")] public double MacroF1 { get; init; }
    [JsonPropertyName("oos_precision")] public double OosPrecision { get; init; }
    [JsonPropertyName("oos_recall")] public double OosRecall { get; init; }
    [JsonPropertyName("province_accuracy")] public double ProvinceAccuracy { get; init; }
    [JsonPropertyName("to_province_accuracy")] public double ToProvinceAccuracy { get; init; }
    [JsonPropertyName("clarify_rate")] public double ClarifyRate { get; init; }
    [JsonPropertyName("latency_ms")] public required Dictionary<string, double> LatencyMs { get; init; }
    [JsonPropertyName("per_label")] public required SortedDictionary<string, LabelMetrics> PerLabel { get; init; }
    [JsonPropertyName("per_channel")] public required SortedDictionary<string, double> PerChannel { get; init; }
    [JsonPropertyName("confusion")] public required SortedDictionary<string, SortedDictionary<string, int>> Confusion { get; init; }
    [JsonPropertyName("confidence_histogram")] public required int[][] ConfidenceHistogram { get; init; }
    [JsonPropertyName("errors")] public required List<EvalError> Errors { get; init; }
}

public sealed record LabelMetrics(
    [property: JsonPropertyName("support")] int Support,
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1);

public sealed record EvalError(
    [property: JsonPropertyName("line")] int Line,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("expected")] string Expected,
    [property: JsonPropertyName("predicted")] string Predicted,
    [property: JsonPropertyName("score")] double Score,
    [property: JsonPropertyName("what")] string What,
    [property: JsonPropertyName("source"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Source = null);

/// <summary>Computes the report from predictions.</summary>
public static class EvalMetrics
{
    public const string OutOfScope = "out_of_scope";
    private const int HistogramBins = 10;

    public static EvalReport Compute(IReadOnlyList<Prediction> predictions, string mode)
    {
        var services = predictions.Where(p => p.Case.Service is not null).ToList();
        var withProvince = predictions.Where(p => p.Case.Province is not null).ToList();
        var withTo = predictions.Where(p => p.Case.ToProvince is not null).ToList();
        var labels = predictions.Select(p => p.Case.Expected).Concat(predictions.Select(p => p.Label)).Distinct().Order(StringComparer.Ordinal).ToList();
        var perLabel = new SortedDictionary<string, LabelMetrics>(StringComparer.Ordinal);
        foreach (var label in labels)
        {
            var tp = predictions.Count(p => p.Label == label && p.Case.Expected == label);
            var predicted = predictions.Count(p => p.Label == label);
            var support = predictions.Count(p => p.Case.Expected == label);
            var precision = Ratio(tp, predicted);
            var recall = Ratio(tp, support);
            perLabel[label] = new LabelMetrics(support, Round(precision), Round(recall), Round(F1(precision, recall)));
        }

        var confusion = new SortedDictionary<string, SortedDictionary<string, int>>(StringComparer.Ordinal);
        foreach (var p in predictions)
        {
            if (!confusion.TryGetValue(p.Case.Expected, out var row))
            {
                confusion[p.Case.Expected] = row = new SortedDictionary<string, int>(StringComparer.Ordinal);
            }

            row[p.Label] = row.GetValueOrDefault(p.Label) + 1;
        }

        var histogram = new int[2][] { new int[HistogramBins], new int[HistogramBins] };
        foreach (var p in predictions)
        {
            histogram[p.Label == p.Case.Expected ? 0 : 1][Math.Clamp((int)(p.Score * HistogramBins), 0, HistogramBins - 1)]++;
        }

        var latencies = predictions.Select(p => p.Milliseconds).Order().ToList();
        return new EvalReport
        {
            Cases = predictions.Count,
            Mode = mode,
            IntentAccuracy = Round(Ratio(predictions.Count(p => p.Label == p.Case.Expected), predictions.Count)),
            ServiceTop1 = Round(Ratio(services.Count(p => p.Label == p.Case.Service), services.Count)),
            ServiceTop3 = Round(Ratio(services.Count(p => Rank(p) is > 0 and <= 3), services.Count)),
            ServiceMrr = Round(services.Count == 0 ? 0 : services.Average(p => Rank(p) is var r and > 0 ? 1.0 / r : 0)),
            MacroF1 = Round(perLabel.Where(l => l.Value.Support > 0).Select(l => l.Value.F1).DefaultIfEmpty(0).Average()),
            OosPrecision = Round(Ratio(predictions.Count(p => p.Label == OutOfScope && p.Case.Expected == OutOfScope), predictions.Count(p => p.Label == OutOfScope))),
            OosRecall = Round(Ratio(predictions.Count(p => p.Label == OutOfScope && p.Case.Expected == OutOfScope), predictions.Count(p => p.Case.Expected == OutOfScope))),
            ProvinceAccuracy = Round(Ratio(withProvince.Count(p => p.Province == p.Case.Province), withProvince.Count)),
            ToProvinceAccuracy = Round(Ratio(withTo.Count(p => p.ToProvince == p.Case.ToProvince), withTo.Count)),
            ClarifyRate = Round(Ratio(predictions.Count(p => p.Decision == "clarify"), predictions.Count)),
            LatencyMs = new Dictionary<string, double>
            {
                ["p50"] = Percentile(latencies, 0.50), ["p95"] = Percentile(latencies, 0.95), ["p99"] = Percentile(latencies, 0.99),
            },
            PerLabel = perLabel,
            PerChannel = new SortedDictionary<string, double>(predictions.GroupBy(p => p.Case.Channel)
                .ToDictionary(g => g.Key, g => Round(Ratio(g.Count(p => p.Label == p.Case.Expected), g.Count())))),
            Confusion = confusion,
            ConfidenceHistogram = histogram,
            Errors = [.. Errors(predictions)],
        };
    }

    /// <summary>1-based rank of the expected service among the ranked candidates, 0 when absent.</summary>
    public static int Rank(Prediction p) => p.Ranked.Select((label, i) => (label, i)).FirstOrDefault(x => x.label == p.Case.Service, (null!, -1)).Item2 + 1;

    private static IEnumerable<EvalError> Errors(IReadOnlyList<Prediction> predictions)
    {
        foreach (var p in predictions)
        {
            if (p.Label != p.Case.Expected)
            {
                yield return new EvalError(p.Case.Line, p.Case.Text, p.Case.Expected, p.Label, Round(p.Score), "label", p.Case.Source);
            }
            else if (p.Case.Province is not null && p.Province != p.Case.Province)
            {
                yield return new EvalError(p.Case.Line, p.Case.Text, "province " + p.Case.Province, "province " + (p.Province ?? "none"), Round(p.Score), "province", p.Case.Source);
            }
            else if (p.Case.ToProvince is not null && p.ToProvince != p.Case.ToProvince)
            {
                yield return new EvalError(p.Case.Line, p.Case.Text, "to_province " + p.Case.ToProvince, "to_province " + (p.ToProvince ?? "none"), Round(p.Score), "to_province", p.Case.Source);
            }
        }
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;

    private static double F1(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);

    private static double Round(double value) => Math.Round(value, 4);

    private static double Percentile(List<double> sorted, double q) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)], 3);
}
