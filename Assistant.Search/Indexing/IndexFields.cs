namespace Assistant.Search.Indexing;

/// <summary>Lucene field names and the boosts a query gives them.</summary>
internal static class IndexFields
{
    public const string Id = "id";
    public const string Province = "province";
    public const string Core = "core";

    public const string NameWords = "name_w";
    public const string AliasWords = "alias_w";
    public const string KeywordWords = "kw_w";
    public const string DescriptionWords = "desc_w";
    public const string NameBigrams = "name_bi";
    public const string AliasBigrams = "alias_bi";
    public const string Pinyin = "py";

    /// <summary>Word fields and their query boosts: names and the ways citizens say them weigh most.</summary>
    public static readonly (string Field, float Boost)[] WordFields =
    [
        (NameWords, 3.0f), (AliasWords, 2.5f), (KeywordWords, 2.0f), (DescriptionWords, 0.6f),
    ];

    public static readonly (string Field, float Boost)[] BigramFields = [(NameBigrams, 1.2f), (AliasBigrams, 1.2f)];

    public const float PinyinBoost = 0.8f;
}
