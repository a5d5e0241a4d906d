namespace Assistant.Bot.Ratings;

/// <summary>好差评 settings (section <c>Ratings</c>).</summary>
public sealed class RatingOptions
{
    public const string Section = "Ratings";

    /// <summary>Working days within which a 差评 or complaint must be followed up (国办发〔2019〕51号 sets 15).</summary>
    public int FollowUpWorkingDays { get; set; } = 15;

    /// <summary>Public holidays (yyyy-MM-dd) skipped when counting working days.</summary>
    public List<DateOnly> Holidays { get; set; } = [];

    /// <summary>Weekend days that are working days (调休).</summary>
    public List<DateOnly> ExtraWorkdays { get; set; } = [];

    /// <summary>The key callers send in the <c>X-Admin-Key</c> header for statistics and export; unset means closed.</summary>
    public string? AdminKey { get; set; }
}
