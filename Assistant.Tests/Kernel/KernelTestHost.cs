using Assistant.Bot;
using Assistant.Bot.Dialogue;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Kernel;

/// <summary>
/// The bot's real registrations (AddAssistantBot: kernel, plugin, call filter, model seam, dialogue) over the shared
/// search fixture, with a throw-away SQLite file and captured logs. With <c>aiEndpoint</c>, the model is configured.
/// </summary>
public sealed class KernelTestHost : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"assistant-kernel-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    public KernelTestHost(AssistantFixture fixture, Uri? aiEndpoint = null)
    {
        var settings = new Dictionary<string, string?> { ["Bot:DatabasePath"] = _database };
        if (aiEndpoint is not null)
        {
            settings["Ai:Endpoint"] = aiEndpoint.ToString();
            settings["Ai:Model"] = "test-model";
            settings["Ai:Key"] = "test-key";
        }

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton(fixture.Resources);
        services.AddSingleton(fixture.Understander);
        services.AddAssistantBot(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        _services = services.BuildServiceProvider();
    }

    public ListLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _services;

    public Microsoft.SemanticKernel.Kernel Kernel => _services.GetRequiredService<Microsoft.SemanticKernel.Kernel>();

    public AssistantDialogue Dialogue => _services.GetRequiredService<AssistantDialogue>();

    /// <summary>One message turn in conversation <paramref name="conversationId"/>.</summary>
    public Task<IReadOnlyList<BotReply>> SayAsync(string text, DialogueState state, string conversationId = "kernel-test") =>
        Dialogue.RunAsync(new TurnInput(conversationId, "webchat", text, null, false, null, []), state, CancellationToken.None);

    public void Dispose()
    {
        _services.Dispose();
        SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }
}
