using System.Text;
using System.Xml;
using Assistant.Bot.Protocol;

namespace Assistant.Bot.Speech;

/// <summary>
/// The words to say for a reply: its <c>speak</c> (SSML or plain) or, when the bot set none, its <c>text</c>. SSML is
/// reduced to its text (breaks become pauses) because each engine wraps the text in its own voice markup.
/// </summary>
public static class SpeakText
{
    public static string Of(Activity reply) =>
        !string.IsNullOrWhiteSpace(reply.Speak) ? FromSsml(reply.Speak) : Dialogue.ReplyComposer.Speakable(reply.Text ?? "");

    public static string FromSsml(string speak)
    {
        if (!speak.TrimStart().StartsWith('<'))
        {
            return speak;
        }

        var text = new StringBuilder();
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new StringReader(speak), settings);
            while (reader.Read())
            {
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
                {
                    text.Append(reader.Value);
                }
                else if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "break")
                {
                    text.Append('，');
                }
            }
        }
        catch (XmlException)
        {
            // Not well-formed: say the text between the tags rather than nothing.
            return System.Text.RegularExpressions.Regex.Replace(speak, "<[^>]*>", " ").Trim();
        }

        return text.ToString().Trim();
    }
}
