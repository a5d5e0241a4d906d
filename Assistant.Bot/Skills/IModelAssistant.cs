namespace Assistant.Bot.Skills;

/// <summary>
/// The optional language model, at the two points where the deterministic core may hand over: a text it could not
/// place, and a free-form question about the service it answered. Whatever the model says is checked against the
/// catalog first; every method returns null when the model is off, fails, or says nothing the catalog backs.
/// </summary>
public interface IModelAssistant
{
    bool IsEnabled { get; }

    /// <summary>
    /// For a text the core marked clarify or out_of_scope: the model rephrases it and searches again through
    /// find_services. Returns matches decided for a service that find_services returned, or null.
    /// </summary>
    Task<ServiceMatches?> SearchAgainAsync(string text, ServiceMatches core, CancellationToken cancellationToken);

    /// <summary>
    /// Answers <paramref name="question"/> from <paramref name="guide"/> (the service's catalog entry) only, with invented
    /// links and services dropped. Null when nothing grounded is left.
    /// </summary>
    Task<string?> AnswerAboutServiceAsync(string question, ServiceGuide guide, CancellationToken cancellationToken);
}

/// <summary>No model configured: the assistant behaves exactly as its deterministic core.</summary>
public sealed class NoModelAssistant : IModelAssistant
{
    public static readonly NoModelAssistant Instance = new();

    public bool IsEnabled => false;

    public Task<ServiceMatches?> SearchAgainAsync(string text, ServiceMatches core, CancellationToken cancellationToken) =>
        Task.FromResult<ServiceMatches?>(null);

    public Task<string?> AnswerAboutServiceAsync(string question, ServiceGuide guide, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(null);
}
