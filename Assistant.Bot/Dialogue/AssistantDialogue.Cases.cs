using System.Globalization;
using Assistant.Bot.Privacy;
using Assistant.Bot.Protocol;
using Assistant.Bot.Storage;

namespace Assistant.Bot.Dialogue;

/// <summary>投诉 (collected, confirmed, registered as a case) and 办件进度 (the province's query page).</summary>
public sealed partial class AssistantDialogue
{
    private static IReadOnlyList<BotReply> Complaint(TurnInput input, DialogueState state)
    {
        var masked = PersonalDataMasker.Mask(input.Text)!;
        state.PendingText = masked;
        state.Stage = Stages.ConfirmComplaint;
        return [new($"您要投诉的内容是：“{masked}”。确认提交吗？") { Suggestions = ["确认提交", "不用了"], ExpectsInput = true }];
    }

    private async Task<IReadOnlyList<BotReply>> ConfirmComplaintAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        if (ReplyRecognizers.IsYes(input.Text) && state.PendingText is { } complaint)
        {
            var outcome = await skills.OpenFollowUpCaseAsync(input.ConversationId, FollowUpCase.ComplaintKind, complaint,
                state.ServiceId, state.Province, cancellationToken);
            Reset(state, keepPlace: true);
            return [new(string.Create(CultureInfo.InvariantCulture,
                $"已为您登记投诉，编号{outcome.CaseId}，将在{outcome.DueDate:yyyy年M月d日}前答复。也可以拨打12345政务服务便民热线。") + DialogueTexts.AnythingElse)
            {
                ExpectsInput = true,
            }];
        }

        if (ReplyRecognizers.IsNo(input.Text))
        {
            Reset(state, keepPlace: true);
            return [new(DialogueTexts.ComplaintCancelled + DialogueTexts.AnythingElse) { ExpectsInput = true }];
        }

        // Anything else is a correction of the complaint text.
        return Complaint(input, state);
    }

    private async Task<IReadOnlyList<BotReply>> ProgressNumberAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        // The number said, or every letter and digit of a reply that is the number said in parts (SB 2024 0001).
        var number = ReplyRecognizers.ReceiptNumber(input.Text) ?? new string([.. input.Text.Where(char.IsAsciiLetterOrDigit)]);
        if (number.Length < 6)
        {
            Reset(state, keepPlace: true);
            return await UnderstandAsync(input, state, cancellationToken);
        }

        state.PendingText = number;
        if (await skills.ResolvePlaceAsync(input.Text, cancellationToken) is { } place)
        {
            state.Province = place.ProvinceCode;
        }

        if (state.Province is null)
        {
            state.Stage = Stages.ProgressPlace;
            state.Choices = [.. _provinceButtonCodes];
            return [new(DialogueTexts.ProgressPlace) { Suggestions = DialogueTexts.ProvinceButtons, ExpectsInput = true }];
        }

        return ProgressAnswer(state, number);
    }

    private async Task<IReadOnlyList<BotReply>> ProgressPlaceAsync(TurnInput input, DialogueState state, CancellationToken cancellationToken)
    {
        var place = await PlaceFromAsync(input, state, cancellationToken);
        if (place is null)
        {
            return [new(DialogueTexts.PlaceNotUnderstood) { Suggestions = DialogueTexts.ProvinceButtons, ExpectsInput = true }];
        }

        state.Province = place.ProvinceCode;
        return ProgressAnswer(state, state.PendingText ?? "");
    }

    private List<BotReply> ProgressAnswer(DialogueState state, string number)
    {
        var province = catalog.Province(state.Province)!;
        Reset(state, keepPlace: true);
        var text = $"办件进度请在{province.Name}政务服务网或“{province.AppName}”的“办件查询”中输入编号{number}查询。"
            + (province.PortalUncertain ? "（入口地址未经核实）" : "");
        return [new(text + DialogueTexts.AnythingElse)
        {
            Card = new HeroCard("办件进度查询", province.Name, province.AppName, [CardAction.OpenUrl($"打开{province.Name}政务服务网", province.PortalUrl)]),
            ExpectsInput = true,
        }];
    }
}
