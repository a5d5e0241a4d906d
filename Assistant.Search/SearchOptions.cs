using System.ComponentModel.DataAnnotations;

namespace Assistant.Search;

/// <summary>Where the data and the index live, and the ranking priors (section <c>Search</c>).</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>Folder holding catalog/, lexicon/, external/ and training/; defaults to the data copied beside the binaries.</summary>
    public string? DataPath { get; set; }

    /// <summary>Folder for derived artifacts (index, trained model); defaults to the user's local app data.</summary>
    public string? ArtifactsPath { get; set; }

    /// <summary>Keep the index in memory instead of on disk (tests).</summary>
    public bool InMemoryIndex { get; set; }

    /// <summary>The base tokenizer under term expansion (SmartCn by default; jieba for the measured comparison).</summary>
    public Text.SegmenterKind Segmenter { get; set; } = Text.SegmenterKind.SmartCn;

    /// <summary>Rank search results with the intent classifier's evidence as well as Lucene's (false: Lucene alone).</summary>
    public bool FusedRanking { get; set; } = true;

    /// <summary>
    /// Seed of the intent classifier's training (its stochastic SVM solver). Only for measuring how much the figures move
    /// from one trained model to the next (`eval --Search:IntentModelSeed=2`); the shipped decision.json was tuned on 1.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int IntentModelSeed { get; set; } = Intents.IntentModel.Seed;

    [Range(0.1, 10)]
    public float CorePrior { get; set; } = 1.3f;

    [Range(0.0, 1)]
    public float OtherProvincePrior { get; set; } = 0.3f;

    [Range(1, 50)]
    public int DefaultTop { get; set; } = 5;

    public string ResolveDataPath() => DataPath ?? Path.Combine(AppContext.BaseDirectory, "data");

    public string ResolveArtifactsPath() => ArtifactsPath
        ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "zhengwu-assistant");
}
