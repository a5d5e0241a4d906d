using System.Text.Json;
using Assistant.Bot.Protocol;

namespace Assistant.Bot.Speech;

/// <summary>
/// The message activity a recognised utterance becomes: the same shape as a typed message, on channel <c>speech</c> (the
/// web page's microphone) or <c>hotline</c> (telephony), with what the recogniser knew in <c>channelData.speech</c>:
/// engine, confidence and the other candidates, so understanding can try them before asking the citizen to repeat.
/// </summary>
public static class SpeechActivity
{
    public const string SpeechChannel = "speech";
    public const string HotlineChannel = "hotline";

    public static Activity Create(string conversationId, string channelId, string engine, SpeechRecognition recognition) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        ChannelId = channelId,
        From = new ChannelAccount("user-" + conversationId, Role: "user"),
        Recipient = new ChannelAccount("assistant", Role: "bot"),
        Conversation = new ConversationAccount(conversationId),
        Text = recognition.Text,
        Locale = "zh-CN",
        ChannelData = JsonSerializer.SerializeToElement(new
        {
            speech = new
            {
                engine,
                confidence = Math.Round(recognition.Confidence, 4),
                alternatives = recognition.Alternatives.Select(a => new { text = a.Text, confidence = Math.Round(a.Confidence, 4) }),
            },
        }, ActivityJson.Options),
    };
}
