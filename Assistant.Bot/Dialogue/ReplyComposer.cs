using System.Security;
using System.Text.RegularExpressions;
using Assistant.Bot.Protocol;

namespace Assistant.Bot.Dialogue;

/// <summary>
/// Turns the dialogue's replies into Activities: every message carries <c>speak</c> (SSML with its &lt;speak&gt; root)
/// and <c>inputHint</c> — ignoring on all but the last message of a turn, expecting when the bot asked something
/// (the pattern recommended in BotFramework-WebChat #1328) — so voice channels open the microphone at the right time.
/// </summary>
public static partial class ReplyComposer
{
    public static IReadOnlyList<Activity> Compose(Activity incoming, IReadOnlyList<BotReply> replies, bool elderMode)
    {
        var activities = new List<Activity>(replies.Count);
        var lastMessage = replies.Select((r, i) => (r, i)).LastOrDefault(p => p.r.EventName is null).i;
        for (var i = 0; i < replies.Count; i++)
        {
            var reply = replies[i];
            if (reply.EventName is not null)
            {
                activities.Add(incoming.CreateReply(ActivityTypes.Event) with { Name = reply.EventName, Value = reply.EventValue });
                continue;
            }

            activities.Add(incoming.CreateReply() with
            {
                Text = reply.Text,
                TextFormat = "plain",
                Speak = Ssml(reply.Spoken ?? reply.Text, elderMode),
                InputHint = i != lastMessage ? InputHints.Ignoring : reply.ExpectsInput ? InputHints.Expecting : InputHints.Accepting,
                SuggestedActions = reply.Suggestions.Count == 0 ? null
                    : new SuggestedActions([.. reply.Suggestions.Select(s => CardAction.ImBack(s))]),
                Attachments = reply.Card is null ? null : [Attachment.Hero(reply.Card)],
                AttachmentLayout = reply.Card is null ? null : "list",
            });
        }

        return activities;
    }

    /// <summary>SSML for zh-CN; 长辈模式 speaks a quarter slower.</summary>
    public static string Ssml(string text, bool elderMode)
    {
        var spoken = SecurityElement.Escape(Speakable(text));
        var body = elderMode ? $"<prosody rate=\"-25%\">{spoken}</prosody>" : spoken;
        return $"<speak version=\"1.0\" xmlns=\"http://www.w3.org/2001/10/synthesis\" xml:lang=\"zh-CN\">{body}</speak>";
    }

    /// <summary>Text as it should be heard: links dropped, line breaks become pauses.</summary>
    public static string Speakable(string text)
    {
        var withoutLinks = Url().Replace(text, "");
        var lines = withoutLinks.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Concat(lines.Select(l => l.TrimEnd('：', ':').Replace("（）", "", StringComparison.Ordinal))
            .Select(l => l.Length > 0 && "。？！?!".Contains(l[^1], StringComparison.Ordinal) ? l : l + "。"));
    }

    [GeneratedRegex(@"[，,]?\s*https?://\S+")]
    private static partial Regex Url();
}
