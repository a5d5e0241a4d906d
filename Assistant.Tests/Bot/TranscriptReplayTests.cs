using System.Text.Json;
using System.Text.Json.Nodes;
using Assistant.Bot.Protocol;

namespace Assistant.Tests.Bot;

/// <summary>
/// Replays the Bot Framework <c>.transcript</c> files in <c>data/transcripts/</c> (transcript.md: a JSON array, or an
/// object with a <c>transcript</c> array): user activities are sent, bot activities (from.role "bot") are expected, compared
/// on type, text, speak, suggestedActions and attachments with nulls removed — the fields botbuilder's TestAdapter
/// compares, plus attachments.
/// </summary>
[Collection(AssistantGroup.Name)]
public sealed class TranscriptReplayTests(AssistantFixture fixture)
{
    private static readonly string[] s_compared = ["type", "text", "speak", "suggestedActions", "attachments", "name"];

    public static TheoryData<string> Transcripts =>
        [.. Directory.GetFiles(Path.Combine(AssistantFixture.DataPath, "transcripts"), "*.transcript").Select(f => Path.GetFileName(f)!).Order()];

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task TranscriptReplaysAsRecorded(string file)
    {
        var activities = Load(Path.Combine(AssistantFixture.DataPath, "transcripts", file));
        Assert.Contains(activities, IsBot);
        using var bot = new BotHarness(fixture, TestDatabases.Sqlite);
        var conversation = "replay-" + Guid.NewGuid().ToString("N");
        var expected = new Queue<JsonObject>();
        var actual = new List<JsonObject>();

        foreach (var activity in activities)
        {
            if (IsBot(activity))
            {
                expected.Enqueue(Compared(activity));
                continue;
            }

            var incoming = activity.Deserialize<Activity>(ActivityJson.Options)! with { Conversation = new(conversation) };
            var result = await bot.Processor.ProcessAsync(incoming, CancellationToken.None);
            actual.AddRange(result.Replies.Select(r => Compared(JsonSerializer.SerializeToNode(r, ActivityJson.Options)!.AsObject())));
        }

        Assert.Equal(expected.Count, actual.Count);
        foreach (var (want, got) in expected.Zip(actual))
        {
            Assert.Equal(want.ToJsonString(ActivityJson.Options), got.ToJsonString(ActivityJson.Options));
        }
    }

    [Fact]
    public void BothTranscriptLayoutsAreRead()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wrapped-{Guid.NewGuid():N}.transcript");
        File.WriteAllText(path, """{"transcript":[{"type":"message","text":"你好","from":{"id":"u"}},{"text":"no type is skipped"}]}""");

        var activities = Load(path);

        Assert.Equal("你好", Assert.Single(activities)["text"]!.GetValue<string>());
    }

    private static List<JsonObject> Load(string path)
    {
        var root = JsonNode.Parse(File.ReadAllText(path))!;
        var array = root is JsonArray list ? list : root["transcript"]!.AsArray();
        // Activities without a type are skipped (transcript.md T2008).
        return [.. array.OfType<JsonObject>().Where(a => a["type"] is not null)];
    }

    private static bool IsBot(JsonObject activity) =>
        string.Equals(activity["from"]?["role"]?.GetValue<string>(), "bot", StringComparison.OrdinalIgnoreCase);

    private static JsonObject Compared(JsonObject activity)
    {
        var kept = new JsonObject();
        foreach (var name in s_compared)
        {
            if (WithoutNulls(activity[name]) is { } value)
            {
                kept[name] = value;
            }
        }

        return kept;
    }

    private static JsonNode? WithoutNulls(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => new JsonObject(o.Where(p => p.Value is not null).Select(p => KeyValuePair.Create(p.Key, WithoutNulls(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(WithoutNulls)]),
        _ => node.DeepClone(),
    };
}
