using System.Text.RegularExpressions;

namespace Assistant.Search.Text;

/// <summary>
/// Whether a clause asks for something (data/lexicon/request-cues.txt): a question word, a wish, a problem, a question
/// mark, or a yes-no question A不A, once the words that only hold a cue (可能, 前几天) are blanked. In a text of several
/// clauses, those are what is asked: 失业了怎么登记 is the request inside its story, while 明天去民政局领证 in
/// 明天去民政局领证，会不会下雨 only sets the scene for a question about the weather. The classifier reads their words
/// once more as what is asked (<see cref="TextFeatures.Focus"/>), and the clause rule of the understanding step reads
/// only them. Reads normalized text.
/// </summary>
public sealed partial class RequestCues
{
    private readonly string[] _cues;
    private readonly string[] _notCues;

    /// <param name="lines">Cues, and words that hold one but ask nothing, each written with a leading !.</param>
    public RequestCues(IEnumerable<string> lines)
    {
        var all = lines.ToList();
        _cues = [.. all.Where(l => !l.StartsWith('!'))];
        _notCues = [.. all.Where(l => l.StartsWith('!')).Select(l => l[1..])];
    }

    public static RequestCues Load(string dataPath) =>
        new(LexiconFiles.Lines(Path.Combine(dataPath, "lexicon", "request-cues.txt")));

    public bool Asks(string clause)
    {
        if (clause.Contains('?'))
        {
            return true;
        }

        var text = clause;
        foreach (var notCue in _notCues)
        {
            text = text.Replace(notCue, " ", StringComparison.Ordinal);    // most clauses: no copy, nothing found
        }

        return _cues.Any(cue => text.Contains(cue, StringComparison.Ordinal)) || YesNoQuestion().IsMatch(text);
    }

    // 能不能, 中不中, 行不行, 是不是: a character, 不, the same character.
    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs})不\1")]
    private static partial Regex YesNoQuestion();
}
