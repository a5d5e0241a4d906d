using System.Text.RegularExpressions;
using Assistant.Bot.Skills;

namespace Assistant.Bot.Dialogue;

/// <summary>
/// A free-form question about the service just answered ("要带户口本吗？"), answered from that service's catalog entry
/// with the entry cited: by the optional language model when one is configured, otherwise by <see cref="EntryAnswers"/>
/// for the aspects the entry holds. A question it cannot answer goes on as a new request.
/// </summary>
public sealed partial class AssistantDialogue
{
    /// <summary>Another service understood at least this confidently, or a choice between other services holding this
    /// much together, is a new request, not a question about this one ("护照要带户口本吗" after a 身份证 answer).</summary>
    private const double OtherServiceConfidence = 0.6;

    /// <summary>The follow-up's replies, or null with the text's understanding when one was made (so the new request
    /// it turns out to be is not understood twice).</summary>
    private async Task<(IReadOnlyList<BotReply>? Replies, ServiceMatches? Matches)> AnswerFollowUpAsync(TurnInput input,
        DialogueState state, CancellationToken cancellationToken)
    {
        if (state.ServiceId is not { } serviceId || state.Stage is not (Stages.Idle or Stages.Rating)
            || !IsQuestion(input.Text) || ReplyRecognizers.IsNo(input.Text))
        {
            return (null, null);
        }

        // A question the core confidently places as another service, or as a choice between other services that
        // together hold that confidence (护照和港澳通行证在哪办), is a new request, not a question about this one. A vague
        // question (要带户口本吗) spreads its confidence thinly over many services and stays a follow-up. (A request
        // verb is no sign: 办 is in nearly every question, 在哪办, 能在手机上办吗.)
        var matches = await skills.FindServicesAsync(input.Text, cancellationToken);
        if (matches.IsServiceAnswer && matches.Label != serviceId && matches.Confidence >= OtherServiceConfidence
            || matches.Decision == ServiceMatches.Clarify && matches.Candidates.All(c => c.Label != serviceId)
                && matches.Candidates.Sum(c => c.Score) >= OtherServiceConfidence)
        {
            return (null, matches);
        }

        var guide = await skills.GetServiceGuideAsync(serviceId, state.Province, state.City, cancellationToken);
        var answer = _model.IsEnabled
            ? await _model.AnswerAboutServiceAsync(input.Text, guide, cancellationToken)
            : EntryAnswers.Answer(input.Text, guide);
        if (answer is null)
        {
            return (null, matches);
        }

        var page = input.Hotline || guide.Page?.Url is not { } url ? "" : "，" + url;
        var cite = $"（依据：服务目录“{guide.Name}”{(guide.ProvinceName is null ? "" : "，" + guide.ProvinceName)}{page}）";
        // The stage stays: a citizen asked before rating can still rate.
        return ([new(answer + "\n" + cite)
        {
            Suggestions = state.Stage == Stages.Rating ? LevelButtons : [], ExpectsInput = true,
        }], matches);
    }

    private static bool IsQuestion(string text) => QuestionMark().IsMatch(text);

    [GeneratedRegex(@"[?？]|[吗么嘛呢]\W*$|要不要|需不需要|能不能|可不可以|多久|多长时间|几天|多少钱|收费|费用|哪|怎么|啥|什么")]
    private static partial Regex QuestionMark();
}
