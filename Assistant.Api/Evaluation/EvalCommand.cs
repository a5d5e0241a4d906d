using System.Diagnostics;
using System.Text.Json;
using Assistant.Search;
using Assistant.Search.Intents;
using Assistant.Search.Understanding;

namespace Assistant.Api.Evaluation;

/// <summary>
/// <c>eval &lt;file.jsonl&gt; --json &lt;out.json&gt; [--report &lt;dir&gt;]</c> as in ../shared/eval/FORMAT.md, plus
/// <c>--search-only</c> (Lucene alone), <c>--tune &lt;decision.json&gt;</c> (choose the decision policy on a dev set) and
/// <c>--cross-validate K</c> (K-fold over the training data).
/// </summary>
public static class EvalCommand
{
    private const string Usage = "usage: eval <test-set.jsonl> --json <out.json> [--report <dir>] [--search-only] [--tune <decision.json>]\n       eval --cross-validate <K> [--json <out.json>] [--report <dir>]";

    // Warm-up before timing (see WarmUp): calls, calls between pauses, and the pause.
    private const int WarmUpCalls = 2000;
    private const int WarmUpBatch = 500;
    private static readonly TimeSpan WarmUpPause = TimeSpan.FromMilliseconds(200);

    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var options = EvalArguments.Parse(args);
        if (options.Error is not null)
        {
            await Console.Error.WriteLineAsync(options.Error + "\n" + Usage);
            return 2;
        }

        using var host = EvalHost.Create(options.Overrides);
        if (options.CrossValidateFolds is { } folds)
        {
            var examples = TrainingSet.Load(host.Resources.DataPath, host.Resources.Catalog);
            var result = CrossValidation.Run(host.Resources, examples, folds, output, host.SearchOptions.IntentModelSeed);
            if (options.JsonPath is not null)
            {
                await File.WriteAllTextAsync(options.JsonPath, JsonSerializer.Serialize(result, s_json), cancellationToken);
            }

            if (options.ReportDirectory is not null)
            {
                var page = HtmlReport.Write(options.ReportDirectory, result.Report, $"{folds}-fold cross-validation, training data");
                await output.WriteLineAsync($"report: {page}");
            }

            return 0;
        }

        var (cases, errors) = TestSet.Read(options.TestSetPath!, id => host.Resources.Catalog.Find(id) is { IsCore: true });
        if (errors.Count > 0)
        {
            await Console.Error.WriteLineAsync($"{options.TestSetPath}: {errors.Count} malformed line(s):");
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync("  " + error);
            }

            return 1;
        }

        if (options.TunePath is not null)
        {
            var policy = PolicyTuner.Tune(host.Understander, cases, output);
            await File.WriteAllTextAsync(options.TunePath, JsonSerializer.Serialize(policy, s_json) + "\n", cancellationToken);
            await output.WriteLineAsync($"wrote {options.TunePath}");
            return 0;
        }

        var mode = !options.SearchOnly ? "full" : host.Search.IsFused ? "search-only (fused)" : "search-only (lucene)";
        var predictions = Predict(host, cases, options.SearchOnly, output);
        var report = EvalMetrics.Compute(predictions, mode);
        SummaryTable.Write(report, options.TestSetPath!, output);
        await File.WriteAllTextAsync(options.JsonPath!, JsonSerializer.Serialize(report, s_json), cancellationToken);
        if (options.ReportDirectory is not null)
        {
            var page = HtmlReport.Write(options.ReportDirectory, report, Path.GetFileName(options.TestSetPath!));
            await output.WriteLineAsync($"report: {page}");
        }

        return 0;
    }

    private static List<Prediction> Predict(EvalHost host, List<TestCase> cases, bool searchOnly, TextWriter output)
    {
        Func<TestCase, Prediction> predict = searchOnly ? c => SearchOnly(host.Search, c) : c => Full(host.Understander, c);
        WarmUp(cases, predict);

        var progress = new ProgressBar(cases.Count, output);
        var predictions = new List<Prediction>(cases.Count);
        foreach (var testCase in cases)
        {
            var watch = Stopwatch.StartNew();
            var prediction = predict(testCase);
            predictions.Add(prediction with { Milliseconds = watch.Elapsed.TotalMilliseconds });
            progress.Advance();
        }

        progress.Done();
        return predictions;
    }

    /// <summary>
    /// Latency is measured warm (FORMAT.md), which means after tiered compilation has settled, not merely after every
    /// method ran once. The runtime starts counting calls only after 100 ms without new quick-JIT work, and with dynamic
    /// PGO a hot method passes through an instrumented tier before its optimised one, compiled in the background. One
    /// untimed pass over 500 cases (until session 6) left much of Lucene and ML.NET instrumented: p50 0.9 ms where a run
    /// without tiering gives 0.3. So the cases are cycled for <see cref="WarmUpCalls"/> calls, pausing after every
    /// <see cref="WarmUpBatch"/> to let call counting start and the background compiles finish.
    /// </summary>
    private static void WarmUp(List<TestCase> cases, Func<TestCase, Prediction> predict)
    {
        for (var call = 1; call <= WarmUpCalls && cases.Count > 0; call++)
        {
            predict(cases[(call - 1) % cases.Count]);
            if (call % WarmUpBatch == 0)
            {
                Thread.Sleep(WarmUpPause);
            }
        }
    }

    private static Prediction Full(QueryUnderstander understander, TestCase testCase)
    {
        var u = understander.Understand(testCase.Text);
        return new Prediction(testCase, u.Label, u.Confidence, u.Decision switch
        {
            Decision.Answer => "answer",
            Decision.Clarify => "clarify",
            _ => "out_of_scope",
        }, [.. u.Candidates.Select(c => c.Label)], u.Province, u.ToProvince, 0);
    }

    private static Prediction SearchOnly(CatalogSearch search, TestCase testCase)
    {
        // Exactly what /api/search ranks (fused with the classifier unless Search:FusedRanking=false).
        var analyzed = search.Analyzer.Analyze(testCase.Text);
        var hits = search.Search(testCase.Text, null, 10).Hits.Select(h => h.Hit).ToList();
        var top = hits.Count > 0 ? hits[0].Service : null;
        var (province, to) = PlaceRoles.Resolve(analyzed.Normalized.Canonical, analyzed.Places, top?.TransferSide,
            top?.HandledWhereInsured ?? false);
        return new Prediction(testCase, top?.Id ?? EvalMetrics.OutOfScope, hits.Count > 0 ? hits[0].Score : 0, "answer",
            [.. hits.Select(h => h.Service.Id)], province, to, 0);
    }
}
