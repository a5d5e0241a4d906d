using System.Globalization;
using Assistant.Bot.Ratings;

namespace Assistant.Bot.Dialogue;

/// <summary>好差评: the five levels with no preselection, reasons for a 差评, a follow-up case, 一事一评.</summary>
public sealed partial class AssistantDialogue
{
    private static IReadOnlyList<string> LevelButtons => [.. ReplyRecognizers.RatingLevels.Select(l => l.Name)];

    private async Task<IReadOnlyList<BotReply>> AskRatingAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        if (state.Rated.Contains(state.ServiceId!) || await RatedBeforeAsync(input, state, cancellationToken))
        {
            state.Stage = Stages.Idle;
            state.UnratedServiceId = null;    // a later 满意 is about this answer, which is rated: never an older one
            return [new(DialogueTexts.AnythingElse) { ExpectsInput = true }];
        }

        state.Stage = Stages.Rating;
        state.UnratedServiceId = state.ServiceId;
        var text = state.ElderMode ? DialogueTexts.RatingAskElder : DialogueTexts.RatingAsk;
        return [new(text)
        {
            Suggestions = LevelButtons, ExpectsInput = true,
            Spoken = input.Hotline || state.ElderMode ? "请评价本次服务：非常满意、满意、基本满意、不满意、非常不满意，请说出其中一项。" : null,
        }];
    }

    /// <summary>
    /// A bare level ("满意", "非常不满意") when no rating question is open: it rates the service still waiting for one,
    /// or is thanked for; never read as a request (the classifier would take 满意 for a complaint).
    /// </summary>
    private async Task<IReadOnlyList<BotReply>?> LateRatingAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        if (state.Stage != Stages.Idle || ReplyRecognizers.BareRatingLevel(input.Text) is not { } level)
        {
            return null;
        }

        if (state.UnratedServiceId is not { } unrated || state.Rated.Contains(unrated))
        {
            // Nothing to rate: a 差评 word still gets the ways to be heard.
            return level <= 2
                ? [new(DialogueTexts.FeedbackThanks + DialogueTexts.WaysToBeHeard) { Suggestions = ["投诉", "转人工"], ExpectsInput = true }]
                : [new(DialogueTexts.FeedbackThanks + DialogueTexts.AnythingElse) { ExpectsInput = true }];
        }

        state.ServiceId = unrated;
        state.Stage = Stages.Rating;
        return await RateAsync(input, state, cancellationToken);
    }

    private async Task<bool> RatedBeforeAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        // The database is the authority: state may have been reset by 取消 while the rating stayed stored.
        var matches = await ratings.HasRatedAsync(input.ConversationId, state.ServiceId!, cancellationToken);
        if (matches)
        {
            state.Rated.Add(state.ServiceId!);
        }

        return matches;
    }

    private async Task<IReadOnlyList<BotReply>> RateAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        if (ReplyRecognizers.RatingLevel(input.Text) is not { } level)
        {
            if (await SameServiceElsewhereAsync(input, state, cancellationToken) is { } elsewhere)
            {
                return elsewhere;    // the rating is asked again, for the answer there
            }

            var (followUp, understood) = await AnswerFollowUpAsync(input, state, cancellationToken);
            if (followUp is not null)
            {
                return followUp;
            }

            // Not a rating: the citizen moved on. Nothing is stored (never a default rating).
            Reset(state, keepPlace: true);
            return ReplyRecognizers.IsNo(input.Text)
                ? [new(DialogueTexts.Goodbye)]
                : await UnderstandAsync(input, state, cancellationToken, understood);
        }

        state.PendingLevel = level;
        if (input.Hotline)
        {
            state.Stage = Stages.ConfirmRating;
            return [new($"您的评价是“{RatingService.Level(level)}”，对吗？") { Suggestions = ["对", "不对"], ExpectsInput = true }];
        }

        return await AfterLevelAsync(input, state, level, cancellationToken);
    }

    private async Task<IReadOnlyList<BotReply>> ConfirmRatingAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        if (ReplyRecognizers.IsYes(input.Text) && state.PendingLevel is { } level)
        {
            return await AfterLevelAsync(input, state, level, cancellationToken);
        }

        if (ReplyRecognizers.RatingLevel(input.Text) is { } other)
        {
            state.PendingLevel = other;
            return [new($"您的评价是“{RatingService.Level(other)}”，对吗？") { Suggestions = ["对", "不对"], ExpectsInput = true }];
        }

        state.Stage = Stages.Rating;
        state.PendingLevel = null;
        return [new("好的，请重新评价：非常满意、满意、基本满意、不满意、非常不满意。") { Suggestions = LevelButtons, ExpectsInput = true }];
    }

    private async Task<IReadOnlyList<BotReply>> AfterLevelAsync(TurnInput input, DialogueState state, int level,
        CancellationToken cancellationToken)
    {
        if (level > 2)
        {
            return await StoreRatingAsync(input, state, [], null, cancellationToken);
        }

        state.Stage = Stages.RatingReason;
        return [new(DialogueTexts.RatingReasonAsk) { Suggestions = RatingService.NegativeReasons, ExpectsInput = true }];
    }

    private async Task<IReadOnlyList<BotReply>> GiveReasonsAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        var reasons = RatingService.NegativeReasons.Where(r => input.Text.Contains(r, StringComparison.Ordinal)).ToList();
        if (reasons is ["其他"])
        {
            state.PendingReasons = reasons;
            state.Stage = Stages.RatingReasonText;
            return [new(DialogueTexts.RatingReasonText) { ExpectsInput = true }];
        }

        // Words that are not one of the listed reasons are the citizen's own reason: keep them as 其他 with the text.
        return reasons.Count > 0
            ? await StoreRatingAsync(input, state, reasons, null, cancellationToken)
            : await StoreRatingAsync(input, state, ["其他"], input.Text, cancellationToken);
    }

    private async Task<IReadOnlyList<BotReply>> StoreRatingAsync(TurnInput input, DialogueState state, IReadOnlyList<string> reasons,
        string? text, CancellationToken cancellationToken)
    {
        var level = state.PendingLevel ?? throw new InvalidOperationException("No level to store");
        var serviceId = state.ServiceId ?? throw new InvalidOperationException("No service to rate");
        var outcome = await skills.RecordRatingAsync(input.ConversationId, serviceId, level, input.ChannelId, state.Province, reasons,
            text, cancellationToken);
        state.Rated.Add(serviceId);
        state.UnratedServiceId = null;
        Reset(state, keepPlace: true);
        if (!outcome.Stored)
        {
            return [new(DialogueTexts.AlreadyRated + DialogueTexts.AnythingElse) { ExpectsInput = true }];
        }

        var thanks = $"感谢您的评价（{RatingService.Level(level)}），已记录。";
        if (outcome.CaseId is { } caseId)
        {
            thanks += string.Create(CultureInfo.InvariantCulture,
                $"我们已生成回访工单，编号{caseId}，工作人员将在{outcome.DueDate:yyyy年M月d日}前联系处理。");
        }

        return [new(thanks + DialogueTexts.AnythingElse) { Suggestions = DialogueTexts.ExampleButtonsFor(state.ElderMode), ExpectsInput = true }];
    }
}
