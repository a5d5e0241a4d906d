using Assistant.Bot.Ratings;
using Microsoft.SemanticKernel;

namespace Assistant.Bot.Skills;

/// <summary>Typed calls of the assistant's kernel functions: the dialogue's one path to its skills.</summary>
public sealed class SkillClient(Kernel kernel)
{
    public Kernel Kernel => kernel;

    public Task<ServiceMatches> FindServicesAsync(string text, CancellationToken cancellationToken) =>
        InvokeAsync<ServiceMatches>("find_services", new() { ["text"] = text }, cancellationToken);

    public async Task<PlaceResolution?> ResolvePlaceAsync(string text, CancellationToken cancellationToken)
    {
        var result = await kernel.InvokeAsync(AssistantSkills.PluginName, "resolve_place", new() { ["text"] = text }, cancellationToken);
        return result.GetValue<PlaceResolution?>();
    }

    public Task<ServiceGuide> GetServiceGuideAsync(string serviceId, string? province, string? city, CancellationToken cancellationToken) =>
        InvokeAsync<ServiceGuide>("get_service_guide",
            new() { ["serviceId"] = serviceId, ["province"] = province, ["city"] = city }, cancellationToken);

    public Task<RatingOutcome> RecordRatingAsync(string conversationId, string serviceId, int level, string channel, string? province,
        IReadOnlyList<string> reasons, string? text, CancellationToken cancellationToken) =>
        InvokeAsync<RatingOutcome>("record_rating", new()
        {
            ["conversationId"] = conversationId, ["serviceId"] = serviceId, ["level"] = level, ["channel"] = channel,
            ["province"] = province, ["reasons"] = reasons.ToArray(), ["text"] = text,
        }, cancellationToken);

    public Task<CaseOutcome> OpenFollowUpCaseAsync(string conversationId, string kind, string summary, string? serviceId,
        string? province, CancellationToken cancellationToken) =>
        InvokeAsync<CaseOutcome>("open_follow_up_case", new()
        {
            ["conversationId"] = conversationId, ["kind"] = kind, ["summary"] = summary, ["serviceId"] = serviceId,
            ["province"] = province,
        }, cancellationToken);

    private async Task<T> InvokeAsync<T>(string function, KernelArguments arguments, CancellationToken cancellationToken)
    {
        var result = await kernel.InvokeAsync(AssistantSkills.PluginName, function, arguments, cancellationToken);
        return result.GetValue<T>() ?? throw new InvalidOperationException($"{function} returned nothing");
    }
}
