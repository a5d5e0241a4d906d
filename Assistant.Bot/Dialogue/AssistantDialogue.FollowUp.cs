using System.Text.RegularExpressions;
using Assistant.Bot.Skills;

namespace Assistant.Bot.Dialogue;

/// <summary>
/// A free-form question about the service just answered ("要带户口本吗？"), answered by the optional language model from
/// that service's catalog entry, with the entry cited. Without a model this never answers, and the turn goes on as before.
/// </summary>
public sealed partial class AssistantDialogue
{
    private async Task<IReadOnlyList<BotReply>?> AnswerFollowUpAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        if (!_model.IsEnabled || state.ServiceId is not { } serviceId || state.Stage is not (Stages.Idle or Stages.Rating)
            || !IsQuestion(input.Text) || ReplyRecognizers.IsNo(input.Text))
        {
            return null;
        }

        // Asking to do something the core places as another service is a new request, not a question about this one.
        var matches = await skills.FindServicesAsync(input.Text, cancellationToken);
        if (matches.Decision == ServiceMatches.Answer && matches.Label != serviceId && RequestVerb().IsMatch(input.Text))
        {
            return null;
        }

        var guide = await skills.GetServiceGuideAsync(serviceId, state.Province, state.City, cancellationToken);
        if (await _model.AnswerAboutServiceAsync(input.Text, guide, cancellationToken) is not { } answer)
        {
            return null;
        }

        var page = input.Hotline || guide.Page?.Url is not { } url ? "" : "，" + url;
        var cite = $"（依据：服务目录“{guide.Name}”{(guide.ProvinceName is null ? "" : "，" + guide.ProvinceName)}{page}）";
        // The stage stays: a citizen asked before rating can still rate.
        return [new(answer + "\n" + cite)
        {
            Suggestions = state.Stage == Stages.Rating ? LevelButtons : [], ExpectsInput = true,
        }];
    }

    private static bool IsQuestion(string text) => QuestionMark().IsMatch(text);

    [GeneratedRegex(@"[?？]|[吗么嘛呢]\W*$|要不要|需不需要|能不能|可不可以|多久|多长时间|几天|多少钱|收费|费用|在哪|哪里|怎么")]
    private static partial Regex QuestionMark();

    [GeneratedRegex(@"办|申请|补领|换领|迁|转移|转入|转出|提取|注销|登记|开具")]
    private static partial Regex RequestVerb();
}
