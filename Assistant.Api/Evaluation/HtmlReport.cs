using System.Globalization;
using System.Net;
using System.Text;

namespace Assistant.Api.Evaluation;

/// <summary>A self-contained HTML report (inline CSS, no script, no CDN): metrics, per-label chart, confusion matrix,
/// confidence histogram and the list of errors.</summary>
internal static class HtmlReport
{
    public static string Write(string directory, EvalReport report, string title)
    {
        Directory.CreateDirectory(directory);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>评测报告 {{E(title)}}</title>
            <style>body{font:14px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;margin:24px;color:#1a1a1a}table{border-collapse:collapse;margin:8px 0 24px}
            td,th{border:1px solid #ccc;padding:2px 6px;text-align:right}th{background:#f2f2f2}td.l{text-align:left}
            .bar{display:inline-block;height:10px;background:#2b6cb0;vertical-align:middle}.bad{background:#c53030}
            .cm td{min-width:18px;font-size:11px}.cm th{font-size:11px;writing-mode:vertical-rl}.cm th.row{writing-mode:horizontal-tb;text-align:left}</style></head><body>
            <h1>评测报告：{{E(title)}}</h1><p>模式 {{E(report.Mode)}} · {{report.Cases}} 条</p><table>
            """);
        foreach (var (name, value) in Metrics(report))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{name}</th><td>{value}</td></tr>");
        }

        html.Append("</table><h2>各标签 precision / recall / F1</h2><table><tr><th>label</th><th>support</th><th>precision</th><th>recall</th><th>F1</th><th></th></tr>");
        foreach (var (label, m) in report.PerLabel.Where(l => l.Value.Support > 0))
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=l>{E(label)}</td><td>{m.Support}</td><td>{m.Precision:0.00}</td><td>{m.Recall:0.00}</td><td>{m.F1:0.00}</td><td class=l><span class=\"bar{(m.F1 < 0.8 ? " bad" : "")}\" style=\"width:{(int)(m.F1 * 200)}px\"></span></td></tr>");
        }

        html.Append("</table><h2>置信度分布</h2><table><tr><th>confidence</th><th>correct</th><th>wrong</th></tr>");
        var max = Math.Max(1, report.ConfidenceHistogram.SelectMany(b => b).Max());
        for (var bin = 0; bin < report.ConfidenceHistogram[0].Length; bin++)
        {
            int right = report.ConfidenceHistogram[0][bin], wrong = report.ConfidenceHistogram[1][bin];
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{bin / 10.0:0.0}–{(bin + 1) / 10.0:0.0}</td><td class=l><span class=bar style=\"width:{right * 300 / max}px\"></span> {right}</td><td class=l><span class=\"bar bad\" style=\"width:{wrong * 300 / max}px\"></span> {wrong}</td></tr>");
        }

        html.Append("</table><h2>混淆矩阵（行：期望，列：预测）</h2>");
        AppendConfusion(html, report);
        html.Append("<h2>错误列表</h2><table><tr><th>行</th><th>文本</th><th>期望</th><th>预测</th><th>置信度</th></tr>");
        foreach (var error in report.Errors)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td>{E(error.Source is null ? $"{error.Line}" : $"{error.Source}:{error.Line}")}</td><td class=l>{E(error.Text)}</td><td class=l>{E(error.Expected)}</td><td class=l>{E(error.Predicted)}</td><td>{error.Score:0.00}</td></tr>");
        }

        html.Append("</table></body></html>\n");
        var path = Path.Combine(directory, "index.html");
        File.WriteAllText(path, html.ToString());
        return path;
    }

    private static void AppendConfusion(StringBuilder html, EvalReport report)
    {
        var labels = report.Confusion.Keys.Concat(report.Confusion.Values.SelectMany(r => r.Keys)).Distinct().Order(StringComparer.Ordinal).ToList();
        html.Append("<table class=cm><tr><th class=row></th>");
        foreach (var label in labels)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{E(label)}</th>");
        }

        html.Append("</tr>");
        foreach (var expected in report.Confusion.Keys)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th class=row>{E(expected)}</th>");
            foreach (var predicted in labels)
            {
                var count = report.Confusion[expected].GetValueOrDefault(predicted);
                var colour = count == 0 ? "" : expected == predicted ? " style=\"background:#c6f6d5\"" : " style=\"background:#fed7d7\"";
                html.Append(CultureInfo.InvariantCulture, $"<td{colour}>{(count == 0 ? "" : count)}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</table>");
    }

    private static (string, string)[] Metrics(EvalReport r)
    {
        (string, string)[] intents =
        [
            ("intent_accuracy", F(r.IntentAccuracy)), ("service_top1", F(r.ServiceTop1)), ("service_top3", F(r.ServiceTop3)),
            ("service_mrr", F(r.ServiceMrr)), ("macro_f1", F(r.MacroF1)), ("oos_precision", F(r.OosPrecision)), ("oos_recall", F(r.OosRecall)),
        ];
        // Training examples carry no places and are not timed: cross-validation reports the classifier alone.
        return r.Mode.StartsWith(CrossValidation.Mode, StringComparison.Ordinal) ? intents :
        [
            .. intents,
            ("province_accuracy", F(r.ProvinceAccuracy)), ("to_province_accuracy", F(r.ToProvinceAccuracy)), ("clarify_rate", F(r.ClarifyRate)),
            ("latency p50 / p95 / p99 ms", string.Join(" / ", r.LatencyMs.Values.Select(v => v.ToString("0.000", CultureInfo.InvariantCulture)))),
        ];
    }

    private static string F(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
