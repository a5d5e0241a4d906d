using System.Text.RegularExpressions;
using Assistant.Search.Text;

namespace Assistant.Search.Understanding;

/// <summary>
/// Whether a clause asks for something (data/lexicon/request-cues.txt): a question word, a wish, a problem, or a yes-no
/// question A不A. The clause rule (<see cref="QueryUnderstander.Choose(IReadOnlyList{Candidate}, IEnumerable{IReadOnlyList{Candidate}}, DecisionPolicy)"/>)
/// reads only such clauses: 失业了怎么登记 is the request inside its story, while 明天去民政局领证 in
/// 明天去民政局领证，会不会下雨 only sets the scene for a question about the weather.
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
