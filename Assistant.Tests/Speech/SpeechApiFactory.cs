using Assistant.Bot.Protocol;
using Assistant.Bot.Turns;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Speech;

/// <summary>
/// The real server in process with speech configuration of the test's choosing, and the turn processor wrapped so the
/// test can see the activity a voice turn produced. The wrapped processor is the real dialogue the app registers.
/// </summary>
public sealed class SpeechApiFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Assistant.Api.Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(
            new Dictionary<string, string?>(settings)
            {
                ["Search:ArtifactsPath"] = AssistantFixture.ArtifactsPath,
                ["Bot:DatabasePath"] = Path.Combine(Path.GetTempPath(), $"assistant-speech-test-{Guid.NewGuid():N}.db"),
            }));
        builder.ConfigureTestServices(collection =>
        {
            services?.Invoke(collection);
            var registered = collection.LastOrDefault(d => d.ServiceType == typeof(ITurnProcessor));
            collection.AddSingleton(sp => new RecordingTurnProcessor(registered switch
            {
                null => throw new InvalidOperationException("the app registers no ITurnProcessor"),
                { ImplementationInstance: ITurnProcessor instance } => instance,
                { ImplementationFactory: { } factory } => (ITurnProcessor)factory(sp),
                _ => (ITurnProcessor)ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!),
            }));
            collection.AddSingleton<ITurnProcessor>(sp => sp.GetRequiredService<RecordingTurnProcessor>());
        });
    }

    public RecordingTurnProcessor Turns => Services.GetRequiredService<RecordingTurnProcessor>();

    /// <summary>A client once /health says ready.</summary>
    public Task<HttpClient> ReadyClientAsync() => Api.Health.WaitUntilReadyAsync(CreateClient());
}

/// <summary>Passes turns to the app's processor and keeps the incoming activities.</summary>
public sealed class RecordingTurnProcessor(ITurnProcessor inner) : ITurnProcessor
{
    private readonly List<Activity> _incoming = [];

    public IReadOnlyList<Activity> Incoming => _incoming;

    public Task<TurnResult> ProcessAsync(Activity incoming, CancellationToken cancellationToken)
    {
        lock (_incoming)
        {
            _incoming.Add(incoming);
        }

        return inner.ProcessAsync(incoming, cancellationToken);
    }
}
