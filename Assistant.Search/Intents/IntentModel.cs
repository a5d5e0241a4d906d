using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Transforms.Text;

namespace Assistant.Search.Intents;

/// <summary>Input row: the space-joined features of a text (w: words, b: bigrams, p: pinyin).</summary>
public sealed class IntentInput
{
    public string Features { get; set; } = "";

    public string Label { get; set; } = "";
}

/// <summary>Output row: a probability per label, in the order of the model's label slots.</summary>
public sealed class IntentOutput
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];
}

/// <summary>
/// Trains, saves and loads the ML.NET multiclass model: one-versus-all linear SVMs with the squared hinge loss (the
/// L2-loss SVM of liblinear), solved to convergence by SDCA over TF-IDF bag-of-features, each calibrated by Platt
/// scaling, the calibrated scores normalised to one probability distribution over the labels.
/// </summary>
/// <remarks>
/// Session 10 replaced the Pegasos hinge-loss SVM (λ 1e-4, 20 passes) with this. Pegasos stops after a fixed number of
/// passes wherever it is, so its seed alone moved dev8 by two cases; SDCA runs until the duality gap closes, so
/// every seed gives the same model up to the tolerance. Why it was reopened: on the peer bench scikit-learn's LinearSVC
/// trained on our exported features was ahead of Pegasos on the test sets, and rerun this session on the dev sets too
/// (dev8 0.996 against our classifier's 0.988 under the same harness threshold; session 6 had found them level there).
/// Chosen on the six tuning sets and the dev sets, never the test sets, each learner with its policy re-tuned: tuned
/// utility 0.9783 → 0.9838 (0.9828 under the shipped policy's 0.25 floor), dev8 0.980 → 0.996 (Pegasos shipped with a
/// policy that gave it 0.986), dev10 0.984 → 0.986, dev11 0.971 → 0.985; 5-fold cross-validation 0.924 → 0.931. λ: 2e-4,
/// 1e-4, 5e-5, 3e-5 and 1.5e-5 tried, 3e-5 best on dev8 and within two cases of 1e-4's best utility; smoothed hinge and
/// hinge (λ 1e-4) lower.
/// Earlier learners: SDCA maximum entropy (stopped early by its default tolerance), L-BFGS maximum entropy, Pegasos with
/// a second character view, fuzzy pinyin and seed ensembles (data/README.md "Measured").
/// </remarks>
public static class IntentModel
{
    public const int Seed = 1;

    /// <summary>L2 regularisation of each binary SVM (liblinear's C = 1/(λ·n): about 2.8 on the 12,044 training examples).</summary>
    public const float Lambda = 3e-5f;

    /// <summary>Part of the cached model's key: change it whenever the pipeline or its settings change, or a model
    /// trained with the old settings would be loaded.</summary>
    public const string Version = "ova-sdca-squaredhinge-platt-tfidf-v3";

    public static ITransformer Train(MLContext ml, IEnumerable<IntentInput> rows, out DataViewSchema schema)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        schema = data.Schema;
        return Pipeline(ml).Fit(data);
    }

    public static IEstimator<ITransformer> Pipeline(MLContext ml)
    {
        var featurizer = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options
            {
                NgramLength = 1,
                UseAllLengths = false,
                Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf,
            },
            CharFeatureExtractor = null,
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepPunctuations = true,
            KeepDiacritics = true,
            KeepNumbers = true,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        return ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("FeatureVector", featurizer, nameof(IntentInput.Features)))
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.OneVersusAll(
                ml.BinaryClassification.Trainers.SdcaNonCalibrated(new SdcaNonCalibratedBinaryTrainer.Options
                {
                    FeatureColumnName = "FeatureVector",
                    LossFunction = new SquaredHingeLoss(),
                    L2Regularization = Lambda,
                    L1Regularization = 0,
                    // Converged, not stopped: the default tolerance (0.1) ends SDCA long before the optimum. 300 passes
                    // instead of 100 changed no dev-set answer (at λ 5e-5). 1e-3 trains in ~14 s instead of ~20 s, but
                    // seed 2 then answers one dev11 case differently; at 1e-4 seeds 1–3 agree on dev8, dev10 and dev11.
                    ConvergenceTolerance = 1e-4f,
                    MaximumNumberOfIterations = 100,
                    // One thread: SDCA's multi-threaded updates make the model depend on scheduling.
                    NumberOfThreads = 1,
                }),
                "Label",
                useProbabilities: true));    // Platt-calibrated per label, normalised to sum to 1: Score stays a distribution
    }

    /// <summary>The label of each Score slot, read from the trained model's key-to-value metadata.</summary>
    public static string[] Labels(PredictionEngine<IntentInput, IntentOutput> engine)
    {
        var column = engine.OutputSchema["Score"];
        VBuffer<ReadOnlyMemory<char>> names = default;
        column.GetSlotNames(ref names);
        return [.. names.DenseValues().Select(n => n.ToString())];
    }
}
