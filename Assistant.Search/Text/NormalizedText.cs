namespace Assistant.Search.Text;

/// <summary>A citizen's text after normalization.</summary>
/// <param name="Canonical">Half-width, simplified, lower-case, dialect mapped to standard Mandarin, numbers as digits.</param>
/// <param name="Core">Canonical without filler phrases and punctuation: what search matches on.</param>
public sealed record NormalizedText(string Original, string Canonical, string Core);
