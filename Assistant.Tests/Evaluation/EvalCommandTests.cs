using System.Text.Json;
using Assistant.Api.Evaluation;

namespace Assistant.Tests.Evaluation;

public sealed class EvalCommandTests
{
    private static readonly string[] s_keys =
    [
        "cases", "intent_accuracy", "service_top1", "service_top3", "service_mrr", "macro_f1", "oos_precision", "oos_recall",
        "province_accuracy", "to_province_accuracy", "latency_ms", "per_label", "errors",
    ];

    [Fact]
    public async Task WritesEveryKeyOfTheFormatAndAReport()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("eval-").FullName;
        var set = Path.Combine(folder, "set.jsonl");
        await File.WriteAllLinesAsync(set,
        [
            "# a comment line",
            """{"text": "我身份证丢了，在杭州怎么补办", "service": "id-card-reissue", "province": "33"}""",
            "",
            """{"text": "今天下雨吗", "intent": "out_of_scope"}""",
            """{"text": "我在深圳上班，老家河南，养老保险想转回去", "service": "pension-transfer", "province": "44", "to_province": "41"}""",
            """{"text": "你好", "intent": "greeting", "channel": "voice"}""",
        ]);
        var json = Path.Combine(folder, "out.json");
        var output = new StringWriter();

        // Act
        var exit = await EvalCommand.RunAsync([set, "--json", json, "--report", Path.Combine(folder, "report"),
            "--Search:ArtifactsPath=" + AssistantFixture.ArtifactsPath], output, CancellationToken.None);

        // Assert
        Assert.Equal(0, exit);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
        foreach (var key in s_keys)
        {
            Assert.True(report.RootElement.TryGetProperty(key, out _), $"missing key {key}");
        }

        Assert.Equal(4, report.RootElement.GetProperty("cases").GetInt32());
        foreach (var p in new[] { "p50", "p95", "p99" })
        {
            Assert.True(report.RootElement.GetProperty("latency_ms").GetProperty(p).GetDouble() > 0);
        }

        Assert.Contains("service_top1", output.ToString(), StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(folder, "report", "index.html"));
        Assert.Contains("混淆矩阵", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TuneWritesAPolicyAtLeastAsGoodAsTheOneInUseAndSaysWhatBoth()
    {
        // Arrange
        var folder = Directory.CreateTempSubdirectory("eval-").FullName;
        var set = Path.Combine(folder, "dev.jsonl");
        await File.WriteAllLinesAsync(set,
        [
            """{"text": "我身份证丢了，在杭州怎么补办", "service": "id-card-reissue", "province": "33"}""",
            """{"text": "今天下雨吗", "intent": "out_of_scope"}""",
            """{"text": "转移", "service": "pension-transfer"}""",
            """{"text": "谢谢啦", "intent": "thanks"}""",
        ]);
        var policyPath = Path.Combine(folder, "decision.json");
        var output = new StringWriter();

        // Act
        var exit = await EvalCommand.RunAsync([set, "--json", Path.Combine(folder, "out.json"), "--tune", policyPath,
            "--Search:ArtifactsPath=" + AssistantFixture.ArtifactsPath], output, CancellationToken.None);

        // Assert: the tuner starts from the policy in use, so what it writes can only be as good or better
        Assert.Equal(0, exit);
        var text = output.ToString();
        double UtilityAfter(string prefix)
        {
            var line = text.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));
            var value = line[(line.IndexOf("utility ", StringComparison.Ordinal) + "utility ".Length)..].Split(' ')[0];
            return double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        Assert.True(UtilityAfter("tuned on 4 cases") >= UtilityAfter("policy in use"), text);
        using var policy = JsonDocument.Parse(await File.ReadAllTextAsync(policyPath));
        Assert.True(policy.RootElement.TryGetProperty("min_confidence", out _));
        Assert.True(policy.RootElement.TryGetProperty("clarify_margin", out _));
    }

    [Fact]
    public async Task MalformedLinesExitNonZeroWithTheirLineNumbers()
    {
        var folder = Directory.CreateTempSubdirectory("eval-").FullName;
        var set = Path.Combine(folder, "bad.jsonl");
        await File.WriteAllLinesAsync(set,
        [
            """{"text": "护照", "service": "passport"}""",
            """{"text": "no label"}""",
            "not json at all",
            """{"text": "x", "service": "no-such-service"}""",
        ]);
        var json = Path.Combine(folder, "out.json");
        var errors = new StringWriter();
        var original = Console.Error;
        Console.SetError(errors);
        int exit;
        try
        {
            exit = await EvalCommand.RunAsync([set, "--json", json, "--Search:ArtifactsPath=" + AssistantFixture.ArtifactsPath],
                new StringWriter(), CancellationToken.None);
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Equal(1, exit);
        var text = errors.ToString();
        Assert.Contains("line 2", text, StringComparison.Ordinal);
        Assert.Contains("line 3", text, StringComparison.Ordinal);
        Assert.Contains("line 4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1:", text, StringComparison.Ordinal);
        Assert.False(File.Exists(json));
    }
}
