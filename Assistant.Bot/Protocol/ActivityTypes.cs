namespace Assistant.Bot.Protocol;

/// <summary>Activity type names (compared ordinally, spec A2010).</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string Handoff = "handoff";
}

/// <summary>Input hints as they appear on the wire.</summary>
public static class InputHints
{
    public const string Accepting = "acceptingInput";
    public const string Expecting = "expectingInput";
    public const string Ignoring = "ignoringInput";
}

/// <summary>Card action types used by the assistant.</summary>
public static class CardActionTypes
{
    public const string ImBack = "imBack";
    public const string PostBack = "postBack";
    public const string OpenUrl = "openUrl";
    public const string Call = "call";
}

/// <summary>Delivery modes (spec A3110).</summary>
public static class DeliveryModes
{
    public const string Normal = "normal";
    public const string ExpectReplies = "expectReplies";
}
