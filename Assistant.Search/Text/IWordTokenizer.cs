namespace Assistant.Search.Text;

/// <summary>A base Chinese word tokenizer: words of a text with their start offsets, in text order.</summary>
public interface IWordTokenizer
{
    IEnumerable<(int Start, string Word)> Tokenize(string text);
}
