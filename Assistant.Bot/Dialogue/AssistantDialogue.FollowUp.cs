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
        // together hold that confidence (转移要带什么材料), is a new request, not a question about this one. A vague
        // question spreads its confidence thinly over many services and stays a follow-up. (A request verb is no sign:
        // 办 is in nearly every question, 在哪办, 能在手机上办吗.)
        var matches = await skills.FindServicesAsync(input.Text, cancellationToken);
        if (IsOtherService(matches, serviceId)
            || IsOtherServicesChoice(matches, serviceId)
                && !await AsksOnlyForAListedMaterialAsync(input.Text, state, serviceId, cancellationToken))
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

    private static bool IsOtherService(ServiceMatches matches, string serviceId) =>
        matches.IsServiceAnswer && matches.Label != serviceId && matches.Confidence >= OtherServiceConfidence;

    private static bool IsOtherServicesChoice(ServiceMatches matches, string serviceId) =>
        matches.Decision == ServiceMatches.Clarify && matches.Candidates.All(c => c.Label != serviceId)
        && matches.Candidates.Sum(c => c.Score) >= OtherServiceConfidence;

    /// <summary>
    /// Whether the question asks about bringing a material this service's entry lists, and nothing else in it points to
    /// other services: 要带户口本吗 reads as 结婚登记 or 身份证首次申领 (couples and first applicants bring 户口本), but
    /// 居民户口簿 is on this list and 要带吗 names nothing, so it is a follow-up. Were what is left a service or a choice
    /// of others, the question would be about them.
    /// </summary>
    private async Task<bool> AsksOnlyForAListedMaterialAsync(string question, DialogueState state, string serviceId,
        CancellationToken cancellationToken)
    {
        if (EntryAnswers.NamedItem(question) is not { } item
            || EntryAnswers.ListedMaterial(item, await skills.GetServiceGuideAsync(serviceId, state.Province, state.City, cancellationToken)) is null)
        {
            return false;
        }

        var rest = await skills.FindServicesAsync(question.Replace(item, "", StringComparison.Ordinal), cancellationToken);
        return !IsOtherService(rest, serviceId) && !IsOtherServicesChoice(rest, serviceId);
    }

    private static bool IsQuestion(string text) => QuestionMark().IsMatch(text);

    [GeneratedRegex(@"[?？]|[吗么嘛呢]\W*$|要不要|需不需要|能不能|可不可以|多久|多长时间|几天|多少钱|收费|费用|哪|怎么|啥|什么")]
    private static partial Regex QuestionMark();
}
