using Microsoft.Extensions.DependencyInjection.Extensions;
namespace Assistant.Api.DirectLine;

/// <summary>Registers the self-hosted Direct Line channel; the bot itself (ITurnProcessor) comes from AddAssistantBot.</summary>
public static class DirectLineServiceCollectionExtensions
{
    public static IServiceCollection AddDirectLine(this IServiceCollection services)
    {
        services.AddOptions<DirectLineOptions>().BindConfiguration(DirectLineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DirectLineTokenService>();
        services.AddSingleton<DirectLineConversations>();
        services.AddSingleton<DirectLineChannel>();
        return services;
    }
}
