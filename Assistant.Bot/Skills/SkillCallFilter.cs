using System.Diagnostics;
using Assistant.Bot.Privacy;
using Assistant.Search;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Assistant.Bot.Skills;

/// <summary>
/// The one place where every kernel function call, from the dialogue, a language model or an operator's agent, has its
/// personal numbers (身份证号, mobile, bank card) masked in arguments before the function runs and in its result before
/// anyone sees it, and is logged with its name, duration and outcome (never its arguments).
/// </summary>
public sealed partial class SkillCallFilter(ILogger<SkillCallFilter> logger, SearchResources resources) : IFunctionInvocationFilter
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        var name = $"{context.Function.PluginName}.{context.Function.Name}";
        MaskedValues.MaskArguments(context.Arguments, resources.Catalog.IsCatalogIdentifier);
        var started = Stopwatch.GetTimestamp();
        string outcome = Failed;
        string? error = null;
        try
        {
            await next(context);
            context.Result = new FunctionResult(context.Result, MaskedValues.Mask(context.Result.GetValue<object>(), resources.Catalog.IsCatalogIdentifier));
            outcome = Succeeded;
        }
        catch (OperationCanceledException)
        {
            outcome = Cancelled;
            throw;
        }
        catch (Exception ex)
        {
            // Exception messages can quote arguments: only the masked message is logged.
            error = ex.GetType().Name + ": " + PersonalDataMasker.Mask(ex.Message);
            throw;
        }
        finally
        {
            var elapsedMs = Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);
            LogCall(name, outcome, elapsedMs, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kernel function {Function} {Outcome} in {ElapsedMs} ms {Error}")]
    private partial void LogCall(string function, string outcome, double elapsedMs, string? error);
}
