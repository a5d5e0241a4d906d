using Microsoft.SemanticKernel;

namespace Assistant.Bot.Skills;

/// <summary>
/// Records what the catalog returned to a language model during one exchange (find_services candidates, guides), so
/// the model's final answer can be checked against it. Added to a per-exchange clone of the kernel only.
/// </summary>
public sealed class CatalogReturns : IFunctionInvocationFilter
{
    private readonly List<ServiceMatches> _searches = [];
    private readonly HashSet<string> _serviceIds = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Every find_services result, in call order.</summary>
    public IReadOnlyList<ServiceMatches> Searches
    {
        get { lock (_lock) { return [.. _searches]; } }
    }

    /// <summary>Ids of the services the catalog returned (find_services candidates that are services, guides).</summary>
    public IReadOnlySet<string> ServiceIds
    {
        get { lock (_lock) { return new HashSet<string>(_serviceIds, StringComparer.Ordinal); } }
    }

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        await next(context);
        // The model may call functions in parallel, hence the lock.
        lock (_lock)
        {
            switch (context.Result.GetValue<object>())
            {
                case ServiceMatches matches:
                    _searches.Add(matches);
                    _serviceIds.UnionWith(matches.Candidates.Where(c => c.IsService).Select(c => c.Label));
                    break;
                case ServiceGuide guide:
                    _serviceIds.Add(guide.Id);
                    break;
            }
        }
    }
}
