using System.Text.Json;
using Assistant.Bot;
using Assistant.Bot.Protocol;
using Assistant.Bot.Storage;
using Assistant.Bot.Turns;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Bot;

/// <summary>
/// The real bot (dialogue, kernel skills, storage) over the shared search fixture and a fresh database, driven the way a
/// channel drives it: activities in, activities out.
/// </summary>
public sealed class BotHarness : IDisposable
{
    private readonly ServiceProvider _services;
    private int _sequence;

    public BotHarness(AssistantFixture fixture, string databaseKind, IDictionary<string, string?>? settings = null)
    {
        var values = TestDatabases.Create(databaseKind);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(fixture.Resources);
        services.AddSingleton(fixture.Understander);
        services.AddOptions<Assistant.Search.SearchOptions>();
        services.AddAssistantBot(configuration);
        _services = services.BuildServiceProvider();
        Processor = _services.GetRequiredService<ITurnProcessor>();
        Store = _services.GetRequiredService<IBotStore>();
    }

    public ITurnProcessor Processor { get; }

    public IBotStore Store { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Sends a user message and returns the bot's message replies (events included).</summary>
    public async Task<IReadOnlyList<Activity>> SayAsync(string conversationId, string text, object? channelData = null,
        string channelId = "test")
    {
        var result = await Processor.ProcessAsync(Message(conversationId, text, channelData, channelId), CancellationToken.None);
        return result.Replies;
    }

    public Activity Message(string conversationId, string text, object? channelData = null, string channelId = "test") => new()
    {
        Type = ActivityTypes.Message,
        Id = $"{conversationId}|{Interlocked.Increment(ref _sequence):D7}",
        ChannelId = channelId,
        From = new ChannelAccount("user-1", "市民", "user"),
        Recipient = new ChannelAccount("assistant", "导办助手", "bot"),
        Conversation = new ConversationAccount(conversationId),
        ServiceUrl = "http://127.0.0.1:1/",
        Text = text,
        Locale = "zh-CN",
        ChannelData = channelData is null ? null : JsonSerializer.SerializeToElement(channelData),
    };

    public void Dispose() => _services.Dispose();
}

/// <summary>Reading replies in assertions.</summary>
public static class Replies
{
    public static IEnumerable<Activity> Messages(this IEnumerable<Activity> replies) => replies.Where(r => r.Type == ActivityTypes.Message);

    public static string AllText(this IEnumerable<Activity> replies) => string.Join("\n", replies.Messages().Select(r => r.Text));

    public static IReadOnlyList<string> Buttons(this Activity reply) =>
        reply.SuggestedActions?.Actions.Select(a => a.Title).ToList() ?? [];

    public static IReadOnlyList<string> LastButtons(this IEnumerable<Activity> replies) => replies.Messages().Last().Buttons();

    public static JsonElement Card(this Activity reply) => reply.Attachments![0].Content!.Value;

    public static IEnumerable<JsonElement> CardButtons(this IEnumerable<Activity> replies) =>
        replies.Messages().Where(r => r.Attachments is { Count: > 0 })
            .SelectMany(r => r.Card().GetProperty("buttons").EnumerateArray());

    /// <summary>What the card buttons send when pressed: the offered choices' names, then 都不是.</summary>
    public static List<string> ChoiceValues(this IEnumerable<Activity> replies) =>
        [.. replies.CardButtons().Select(b => b.GetProperty("value").GetString()!)];
}
