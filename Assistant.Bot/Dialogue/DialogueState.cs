namespace Assistant.Bot.Dialogue;

/// <summary>Where a conversation stands, saved after every turn (as JSON, with an eTag).</summary>
public sealed class DialogueState
{
    public string Stage { get; set; } = Stages.Idle;

    /// <summary>The service being handled (answered, asking where, or being rated).</summary>
    public string? ServiceId { get; set; }

    /// <summary>Candidates or provinces offered as choices in the current stage.</summary>
    public List<string> Choices { get; set; } = [];

    public string? Province { get; set; }

    public string? City { get; set; }

    /// <summary>While services are offered: the province a transfer among them goes to (转入地), read from the request,
    /// so a transfer chosen by its number is answered where it is handled.</summary>
    public string? ToProvince { get; set; }

    public bool ElderMode { get; set; }

    /// <summary>A level chosen but not stored yet: waiting for 差评 reasons or a hotline confirmation.</summary>
    public int? PendingLevel { get; set; }

    public List<string> PendingReasons { get; set; } = [];

    /// <summary>A complaint (masked) waiting for confirmation, or the 办件编号 while asking where it was filed.</summary>
    public string? PendingText { get; set; }

    /// <summary>
    /// The last service whose rating was asked for and not given: a bare level said after a detour ("满意" after a
    /// question the assistant could not place) still rates it, instead of being read as a new request.
    /// </summary>
    public string? UnratedServiceId { get; set; }

    /// <summary>The service last answered, kept through its rating until the next request: a place said next (那上海呢)
    /// asks for it there (<c>SameServiceElsewhereAsync</c>).</summary>
    public string? AnsweredServiceId { get; set; }

    /// <summary>Services already rated in this conversation (一事一评).</summary>
    public List<string> Rated { get; set; } = [];

    /// <summary>The last turn's replies, for 再说一遍.</summary>
    public List<ReplyMemo> LastReplies { get; set; } = [];

    public int Turns { get; set; }
}

/// <summary>The parts of a reply that are repeated on 再说一遍.</summary>
public sealed record ReplyMemo(string Text, IReadOnlyList<string> Suggestions);

/// <summary>Dialogue stages: what the bot is waiting for.</summary>
public static class Stages
{
    public const string Idle = "idle";
    public const string ChooseService = "choose-service";
    public const string AskPlace = "ask-place";
    public const string Rating = "rating";
    public const string ConfirmRating = "confirm-rating";
    public const string RatingReason = "rating-reason";
    public const string RatingReasonText = "rating-reason-text";
    public const string Complaint = "complaint";
    public const string ConfirmComplaint = "confirm-complaint";
    public const string ProgressNumber = "progress-number";
    public const string ProgressPlace = "progress-place";
}
