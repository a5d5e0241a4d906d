namespace Assistant.Search.Text;

/// <summary>
/// Which base tokenizer the segmenter runs before term expansion (option <c>Search:Segmenter</c>). SmartCn is the
/// default; jieba is kept behind this switch because data/README.md records the measured comparison between the two.
/// </summary>
public enum SegmenterKind
{
    SmartCn,
    Jieba,
}
