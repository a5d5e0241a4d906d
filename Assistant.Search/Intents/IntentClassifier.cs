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

    /// <summary>One string of prefixed tokens, so words, bigrams and pinyin never collide as features.</summary>
    public static string Encode(TextFeatures features) =>
        string.Join(' ', features.Words.Select(w => "w:" + w.Replace(' ', '_'))
            .Concat(features.Bigrams.Select(b => "b:" + b))
            .Concat(features.Pinyin.Select(p => "p:" + p)));

    private sealed class EnginePolicy(MLContext ml, ITransformer model) : IPooledObjectPolicy<PredictionEngine<IntentInput, IntentOutput>>
    {
        public PredictionEngine<IntentInput, IntentOutput> Create() => ml.Model.CreatePredictionEngine<IntentInput, IntentOutput>(model);

        public bool Return(PredictionEngine<IntentInput, IntentOutput> obj) => true;
    }
}
