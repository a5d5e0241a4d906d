using System.ClientModel;
using System.ClientModel.Primitives;
using Assistant.Search;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

namespace Assistant.Bot.Skills;

/// <summary>Registers the kernel's call filter and the optional language model (section <c>Ai</c>).</summary>
public static class ModelServiceCollectionExtensions
{
    public const string HttpClientName = "Ai";

    public static IServiceCollection AddAssistantModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AiOptions>().Bind(configuration.GetSection(AiOptions.Section));
        // Registered in DI so that new Kernel(serviceProvider) applies it to every function call.
        services.AddSingleton<IFunctionInvocationFilter, SkillCallFilter>();
        // Semantic Kernel logs raw function arguments, results and chat messages at Trace, before the filter masks them:
        // cap its categories so that turning up log levels can never write personal numbers.
        services.AddLogging(logging => logging.AddFilter("Microsoft.SemanticKernel", LogLevel.Information));
        services.AddHttpClient(HttpClientName);
        // Decided when first resolved, not here, so configuration added later (tests, hosting) is honoured.
        services.AddSingleton<IModelAssistant>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AiOptions>>();
            if (!options.Value.IsConfigured)
            {
                return NoModelAssistant.Instance;
            }

            // An operator's own registered chat service (Azure OpenAI, …) wins over the OpenAI-compatible endpoint.
            var chat = sp.GetService<IChatCompletionService>() ?? OpenAiCompatible(sp, options.Value);
            return new KernelModelAssistant(sp.GetRequiredService<Kernel>(), chat, sp.GetRequiredService<SearchResources>().Catalog,
                options, sp.GetRequiredService<ILogger<KernelModelAssistant>>());
        });
        return services;
    }

    private static OpenAIChatCompletionService OpenAiCompatible(IServiceProvider sp, AiOptions options)
    {
        var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
        // The time limit is AiOptions.Timeout per exchange; HttpClient's own would cut tool-call rounds short.
        http.Timeout = Timeout.InfiniteTimeSpan;
        // NOTE(assistant): an OpenAIClient with our endpoint rather than SK's endpoint constructor, which is experimental
        // (SKEXP0010). Endpoints inside a government cloud often need no key; the client requires one, so a placeholder.
        var client = new OpenAIClient(new ApiKeyCredential(string.IsNullOrEmpty(options.Key) ? "none" : options.Key),
            new OpenAIClientOptions { Endpoint = options.Endpoint, Transport = new HttpClientPipelineTransport(http) });
        return new OpenAIChatCompletionService(options.Model!, client, sp.GetService<ILoggerFactory>());
    }
}
