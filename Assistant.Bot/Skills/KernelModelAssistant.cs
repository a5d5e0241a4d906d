using Assistant.Bot.Privacy;
using Assistant.Search.Catalog;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Assistant.Bot.Skills;

/// <summary>
/// The language model through the kernel's chat-completion service. It searches again with the read-only skills
/// offered for automatic function calling, and answers questions from one catalog entry; its output is accepted only
/// as far as <see cref="ModelOutputGuard"/> finds it backed by the catalog. Any failure leaves the core's answer.
/// </summary>
public sealed partial class KernelModelAssistant(Kernel kernel, IChatCompletionService chat, ServiceCatalog catalog,
    IOptions<AiOptions> options, ILogger<KernelModelAssistant> logger) : IModelAssistant
{
    /// <summary>
    /// The functions the model may call: the ones that only read. Ratings and cases are the citizen's acts, recorded
    /// by the dialogue when the citizen says so, never on a model's initiative.
    /// </summary>
    public static readonly IReadOnlyList<string> OfferedFunctions = ["find_services", "resolve_place", "get_service_guide"];

    public bool IsEnabled => true;

    public async Task<ServiceMatches?> SearchAgainAsync(string text, ServiceMatches core, CancellationToken cancellationToken)
    {
        var returns = new CatalogReturns();
        var session = kernel.Clone();
        session.FunctionInvocationFilters.Add(returns);
        var plugin = session.Plugins[AssistantSkills.PluginName];
        var settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = FunctionChoiceBehavior.Auto([.. OfferedFunctions.Select(name => plugin[name])]),
        };
        var history = new ChatHistory(ModelPrompts.SearchAgain);
        // Personal numbers never leave for the model's endpoint.
        history.AddUserMessage(PersonalDataMasker.Mask(text)!);

        if (await AskAsync(session, history, settings, cancellationToken) is not { } reply)
        {
            return null;
        }

        var chosen = ModelOutputGuard.ChooseService(reply, returns.ServiceIds, catalog, out var dropped);
        foreach (var id in dropped)
        {
            LogDropped("service", id);
        }

        if (chosen is null || catalog.Find(chosen) is null)
        {
            return null;
        }

        // The search that returned the chosen service highest supplies the decision; the citizen's own places win.
        var search = returns.Searches
            .Where(s => s.Candidates.Any(c => c.Label == chosen))
            .OrderBy(s => s.Candidates.ToList().FindIndex(c => c.Label == chosen))
            .FirstOrDefault();
        LogChosen(chosen, core.Decision);
        return (search ?? core) with
        {
            Text = core.Text, Label = chosen, Decision = ServiceMatches.Answer,
            Province = core.Province ?? search?.Province, City = core.Province is null ? search?.City : core.City,
            ToProvince = core.ToProvince ?? search?.ToProvince,
        };
    }

    public async Task<string?> AnswerAboutServiceAsync(string question, ServiceGuide guide, CancellationToken cancellationToken)
    {
        var history = new ChatHistory(ModelPrompts.AnswerFromEntry);
        history.AddSystemMessage(ModelPrompts.Entry(guide));
        history.AddUserMessage(PersonalDataMasker.Mask(question)!);
        // No functions: the answer comes from this entry only.
        if (await AskAsync(kernel, history, new PromptExecutionSettings(), cancellationToken) is not { } reply)
        {
            return null;
        }

        if (reply.Trim().Equals(ModelPrompts.Unrelated, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var answer = ModelOutputGuard.KeepGrounded(reply, guide, catalog, out var dropped);
        foreach (var item in dropped)
        {
            LogDropped("link or service", item);
        }

        return answer;
    }

    private async Task<string?> AskAsync(Kernel session, ChatHistory history, PromptExecutionSettings settings,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.Timeout);
        try
        {
            var message = await chat.GetChatMessageContentAsync(history, settings, session, timeout.Token);
            return string.IsNullOrWhiteSpace(message.Content) ? null : message.Content;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The model is an optional extra: its failure or timeout must never fail the citizen's turn.
            LogModelFailed(ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model chose {ServiceId} for a query the core marked {Decision}")]
    private partial void LogChosen(string serviceId, string decision);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model output dropped: {Kind} {Value} was not returned by the catalog")]
    private partial void LogDropped(string kind, string value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model call failed ({Error}); the core's answer stands")]
    private partial void LogModelFailed(string error);
}
