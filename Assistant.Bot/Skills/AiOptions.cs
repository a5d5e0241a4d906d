namespace Assistant.Bot.Skills;

/// <summary>
/// The optional language model (section <c>Ai</c>): any OpenAI-compatible chat-completions endpoint. Off unless both
/// <see cref="Endpoint"/> and <see cref="Model"/> are set; with it off the assistant runs its deterministic core only.
/// </summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    /// <summary>Base address of the API, e.g. <c>https://api.openai.com/v1</c> or <c>http://10.0.0.5:8000/v1</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Model or deployment name the endpoint serves.</summary>
    public string? Model { get; set; }

    /// <summary>API key; secret, so from user-secrets or the <c>Ai__Key</c> environment variable, never appsettings.json.</summary>
    public string? Key { get; set; }

    /// <summary>How long one model exchange (all its tool calls) may take before the core's answer stands.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(Model);
}
