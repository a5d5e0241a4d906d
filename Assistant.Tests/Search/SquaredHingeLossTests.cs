using Assistant.Search.Intents;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Assistant.Tests.Search;

/// <summary>The squared hinge loss we give ML.NET's SDCA: its primal values, its dual step, and a model trained with it.</summary>
public sealed class SquaredHingeLossTests
{
    private static readonly SquaredHingeLoss s_loss = new();

    [Theory]
    [InlineData(0.5f, 1f, 0.25)]     // inside the margin: (1 - 0.5)²
    [InlineData(2f, 1f, 0)]          // beyond it: no loss
    [InlineData(0.5f, 0f, 2.25)]     // a negative example scored positive: (1 + 0.5)²
    [InlineData(-3f, 0f, 0)]
    public void LossIsTheSquaredHinge(float output, float label, double expected) =>
        Assert.Equal(expected, s_loss.Loss(output, label), 6);

    [Theory]
    [InlineData(0.3f, 1f)]
    [InlineData(-0.7f, 1f)]
    [InlineData(0.2f, 0f)]
    [InlineData(1.5f, 1f)]
    public void DerivativeMatchesTheLossNumerically(float output, float label)
    {
        const float h = 1e-3f;
        var numeric = (s_loss.Loss(output + h, label) - s_loss.Loss(output - h, label)) / (2 * h);
        Assert.Equal(numeric, s_loss.Derivative(output, label), 2);
    }

    /// <summary>
    /// SDCA's step must maximise the dual along one coordinate: with β = y·α and q the scaled norm of the example, the
    /// new β' either makes 1 − y·s − β'/2 − (β' − β)·q zero or sits at the bound 0 with that slope ≤ 0.
    /// </summary>
    [Theory]
    [InlineData(0.2f, 1f, 0f, 0.8f)]
    [InlineData(0.2f, 0f, 0f, 0.8f)]
    [InlineData(1.6f, 1f, 0.4f, 2f)]     // well classified: the dual variable falls
    [InlineData(2f, 1f, 0.4f, 2f)]       // far beyond the margin: clipped at 0
    [InlineData(-2f, 0f, -0.1f, 1f)]
    [InlineData(-0.5f, 0f, -0.3f, 0.1f)]
    [InlineData(0.9f, 1f, 1.7f, 5f)]
    public void DualStepMaximisesAlongTheCoordinate(float output, float label, float dual, float scaledNorm)
    {
        var truth = label > 0 ? 1f : -1f;
        var step = s_loss.DualUpdate(output, label, dual, s_loss.ComputeDualUpdateInvariant(scaledNorm), maxNumThreads: 1);

        var before = truth * dual;
        var after = truth * (dual + step);
        var slope = 1 - truth * output - after / 2 - (after - before) * scaledNorm;
        Assert.True(after >= 0, $"β' = {after}");
        Assert.True(after > 1e-6 ? Math.Abs(slope) < 1e-4 : slope <= 1e-4, $"β' = {after}, slope {slope}");
    }

    /// <summary>
    /// The dual loss is −φ*(−α), φ* the loss's conjugate: by Fenchel–Young DualLoss(α) ≤ Loss(s) + α·s for every score s
    /// and dual α (signed by the label, as ML.NET keeps it), with equality at α = 2y·max(0, 1 − y·s); −∞ off β ≥ 0.
    /// </summary>
    [Theory]
    [InlineData(0.3f, 1f)]
    [InlineData(-0.8f, 1f)]
    [InlineData(0.4f, 0f)]
    [InlineData(-1.5f, 0f)]
    public void DualLossIsTheConjugateOfTheLoss(float output, float label)
    {
        var truth = label > 0 ? 1f : -1f;
        foreach (var beta in new[] { 0f, 0.3f, 1f, 2.2f, 4f })
        {
            var dual = truth * beta;
            Assert.True(s_loss.DualLoss(label, dual) <= s_loss.Loss(output, label) + dual * output + 1e-6, $"β {beta}");
        }

        var optimal = truth * 2 * Math.Max(0, 1 - truth * output);
        Assert.Equal(s_loss.Loss(output, label) + optimal * output, s_loss.DualLoss(label, optimal), 4);
        Assert.Equal(double.NegativeInfinity, s_loss.DualLoss(label, -truth * 0.5f));
    }

    [Fact]
    public void SdcaWithItSeparatesSeparableData()
    {
        // Arrange: two clouds on either side of x + y = 1
        var random = new Random(7);
        var rows = Enumerable.Range(0, 200).Select(i =>
        {
            var positive = i % 2 == 0;
            var shift = positive ? 1.2f : -0.2f;
            return new Point { Label = positive, Features = [shift + (float)random.NextDouble() * 0.5f, shift + (float)random.NextDouble() * 0.5f] };
        }).ToList();
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(rows);

        // Act
        var model = ml.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
        {
            LossFunction = s_loss, L2Regularization = 1e-3f, ConvergenceTolerance = 1e-4f, MaximumNumberOfIterations = 100, NumberOfThreads = 1,
        }).Fit(data);
        var scores = ml.Data.CreateEnumerable<Scored>(model.Transform(data), reuseRowObject: false).ToList();

        // Assert: every point on its side
        Assert.All(rows.Zip(scores), pair => Assert.Equal(pair.First.Label, pair.Second.Score > 0));
    }

    private sealed class Point
    {
        public bool Label { get; set; }

        [VectorType(2)]
        public float[] Features { get; set; } = [];
    }

    private sealed class Scored
    {
        public float Score { get; set; }
    }
}
