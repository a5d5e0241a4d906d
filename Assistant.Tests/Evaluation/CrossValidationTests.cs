using System.Text.Json;
using Assistant.Api.Evaluation;
using Assistant.Search.Intents;

namespace Assistant.Tests.Evaluation;

/// <summary>`eval --cross-validate`: every training example predicted once by a model that did not see it, scored as a test set.</summary>
[Collection(AssistantGroup.Name)]
public sealed class CrossValidationTests(AssistantFixture fixture)
{
    [Fact]
    public void EveryExampleIsPredictedOnceAndEachErrorPointsAtItsTrainingLine()
    {
        // Arrange: every sixth example keeps all labels and trains three folds in a few seconds
        var all = TrainingSet.Load(fixture.Resources.DataPath, fixture.Resources.Catalog);
        var examples = all.Where((_, i) => i % 6 == 0).ToList();

        // Act
        var result = CrossValidation.Run(fixture.Resources, examples, 3, TextWriter.Null, seed: 1);

        // Assert
        var report = result.Report;
        Assert.Equal(examples.Count, report.Cases);
        Assert.Equal(3, result.FoldAccuracy.Length);
        Assert.InRange(result.Accuracy, 0.6, 1.0);
        Assert.Equal(report.Errors.Count(e => e.What == "label"), (int)Math.Round((1 - report.IntentAccuracy) * examples.Count));
        foreach (var (label, metrics) in report.PerLabel)
        {
            Assert.Equal(metrics.Support, report.Confusion.GetValueOrDefault(label)?.Values.Sum() ?? 0);
        }

        Assert.NotEmpty(report.Errors);
        foreach (var error in report.Errors.Where(e => e.Source != TrainingSet.CatalogSource))
        {
            var line = File.ReadLines(Path.Combine(fixture.Resources.DataPath, "training", error.Source!)).ElementAt(error.Line - 1);
            Assert.Equal(error.Text + "\t" + error.Expected, line.Trim());
        }
    }

    [Fact]
    public void TheJsonHasTheFoldFiguresAndTheReportAnEvaluatorReads()
    {
        // Arrange
        var examples = TrainingSet.Load(fixture.Resources.DataPath, fixture.Resources.Catalog).Where((_, i) => i % 12 == 0).ToList();
        var output = new StringWriter();

        // Act
        var result = CrossValidation.Run(fixture.Resources, examples, 2, output, seed: 1);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(result));

        // Assert
        var root = json.RootElement;
        Assert.Equal(2, root.GetProperty("folds").GetInt32());
        Assert.Equal(examples.Count, root.GetProperty("examples").GetInt32());
        foreach (var key in new[] { "per_label", "confusion", "errors", "oos_precision", "oos_recall", "service_top3" })
        {
            Assert.True(root.GetProperty("report").TryGetProperty(key, out _), $"missing report key {key}");
        }

        Assert.True(root.GetProperty("report").GetProperty("errors")[0].TryGetProperty("source", out _));
        Assert.Contains("2-fold cross-validation on", output.ToString(), StringComparison.Ordinal);
        Assert.Contains(" → ", output.ToString(), StringComparison.Ordinal);
    }
}
