using System.Globalization;

namespace Assistant.Api.Evaluation;

/// <summary>The human summary an evaluator reads on stdout.</summary>
internal static class SummaryTable
{
    public static void Write(EvalReport report, string testSet, TextWriter output)
    {
        var rows = new (string Name, string Value)[]
        {
            ("test set", testSet), ("mode", report.Mode), ("cases", report.Cases.ToString(CultureInfo.InvariantCulture)),
            ("intent_accuracy", F(report.IntentAccuracy)), ("service_top1", F(report.ServiceTop1)), ("service_top3", F(report.ServiceTop3)),
            ("service_mrr", F(report.ServiceMrr)), ("macro_f1", F(report.MacroF1)), ("oos_precision", F(report.OosPrecision)),
            ("oos_recall", F(report.OosRecall)), ("province_accuracy", F(report.ProvinceAccuracy)),
            ("to_province_accuracy", F(report.ToProvinceAccuracy)), ("clarify_rate", F(report.ClarifyRate)),
            ("latency p50/p95/p99 ms", string.Join(" / ", report.LatencyMs.Values.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)))),
            ("errors", report.Errors.Count.ToString(CultureInfo.InvariantCulture)),
        };
        var width = rows.Max(r => r.Name.Length);
        output.WriteLine(new string('-', width + 30));
        foreach (var (name, value) in rows)
        {
            output.WriteLine($"{name.PadRight(width)}  {value}");
        }

        output.WriteLine(new string('-', width + 30));
        foreach (var channel in report.PerChannel)
        {
            output.WriteLine($"{("accuracy (" + channel.Key + ")").PadRight(width)}  {F(channel.Value)}");
        }
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);
}
