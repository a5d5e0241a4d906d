using Assistant.Search.Text;
using Microsoft.Extensions.ObjectPool;
using Microsoft.ML;

namespace Assistant.Search.Intents;

/// <summary>
/// Thread-safe prediction over a trained intent model: <see cref="PredictionEngine{TSrc,TDst}"/> is not thread-safe, so
/// engines are pooled (Microsoft.Extensions.ML's PredictionEnginePool is not available here).
/// </summary>
public sealed class IntentClassifier
{
    private readonly ObjectPool<PredictionEngine<IntentInput, IntentOutput>> _engines;

    public IntentClassifier(MLContext ml, ITransformer model)
    {
        Model = model;
        _engines = new DefaultObjectPool<PredictionEngine<IntentInput, IntentOutput>>(new EnginePolicy(ml, model), Environment.ProcessorCount * 2);
        var engine = _engines.Get();
        Labels = IntentModel.Labels(engine);
        _engines.Return(engine);
    }

    public ITransformer Model { get; }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Probabilities for every label, highest first.</summary>
    public IReadOnlyList<(string Label, float Probability)> Predict(TextFeatures features)
    {
        var engine = _engines.Get();
        try
        {
            var scores = engine.Predict(new IntentInput { Features = Encode(features) }).Score;
            return [.. scores.Select((p, i) => (Labels[i], p)).OrderByDescending(x => x.p)];
        }
        finally
        {
            _engines.Return(engine);
        }
    }

    /// <summary>One string of prefixed tokens, so words, bigrams, pinyin and what is asked never collide as features.</summary>
    public static string Encode(TextFeatures features) =>
        string.Join(' ', features.Words.Select(WordFeature)
            .Concat(features.Bigrams.Select(b => "b:" + b))
            .Concat(features.Pinyin.Select(p => "p:" + p))
            .Concat(features.Focus.Select(w => "q:" + WordFeature(w))));

    /// <summary>Digits from which a word is a number (a receipt, account or phone number), not a word: 12345 is a hotline.</summary>
    public const int NumberMinimumDigits = 6;

    /// <summary>
    /// A word, or the shape of a number. Every receipt, application or phone number is new: as itself it is a feature
    /// no other text shares, so nothing is learned from it (one seen once in training only weighs down the words around
    /// it, being rare and so heavily weighted: 申请编号2024051700123 帮我查下 was out of scope, 申请编号 帮我查下 a progress
    /// question). As a shape it is one feature the examples teach. Five digits stay words: 12345, 12333 and 12123 name
    /// a hotline or an app.
    /// </summary>
    public static string WordFeature(string word)
    {
        var digits = word.Count(char.IsAsciiDigit);
        return digits < NumberMinimumDigits ? "w:" + word.Replace(' ', '_')
            : digits == 11 && word.Length == 11 && word[0] == '1' ? "n:phone"
            : "n:number";
    }

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : IPooledObjectPolicy<PredictionEngine<IntentInput, IntentOutput>>
    {
        public PredictionEngine<IntentInput, IntentOutput> Create() => ml.Model.CreatePredictionEngine<IntentInput, IntentOutput>(model);

        public bool Return(PredictionEngine<IntentInput, IntentOutput> obj) => true;
    }
}
