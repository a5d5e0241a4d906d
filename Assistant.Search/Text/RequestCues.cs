using System.Text.RegularExpressions;

namespace Assistant.Search.Text;

/// <summary>
/// Whether a clause asks for something (data/lexicon/request-cues.txt): a question word, a wish, a problem, or a yes-no
/// question A不A. In a text of several clauses, those are what is asked: 失业了怎么登记 is the request inside its story,
/// while 明天去民政局领证 in 明天去民政局领证，会不会下雨 only sets the scene for a question about the weather. The
/// classifier reads their words once more as what is asked (<see cref="TextFeatures.Focus"/>), and the clause rule of
/// the understanding step reads only them.
/// </summary>
public sealed partial class RequestCues(IEnumerable<string> cues)
{
    private readonly string[] _cues = [.. cues];

    public static RequestCues Load(string dataPath) =>
        new(LexiconFiles.Lines(Path.Combine(dataPath, "lexicon", "request-cues.txt")));

    public bool Asks(string clause) =>
        _cues.Any(cue => clause.Contains(cue, StringComparison.Ordinal)) || YesNoQuestion().IsMatch(clause);

    // 能不能, 中不中, 行不行, 是不是: a character, 不, the same character.
    [GeneratedRegex(@"(\p{IsCJKUnifiedIdeographs})不\1")]
    private static partial Regex YesNoQuestion();
}
