using System.Text.Json.Nodes;
using Assistant.Bot.Dialogue;
using Assistant.Bot.Skills;

namespace Assistant.Tests.Kernel;

/// <summary>
/// CONTRACT TESTS for the optional language model. The model endpoint is a remote service unreachable here, so
/// <see cref="ScriptedChatServer"/> plays it on 127.0.0.1 in the OpenAI chat-completions wire format with scripted
/// replies (tool calls, text). They check what the assistant sends (tools offered, messages grounded in catalog text)
/// and that what the model invents (links, services) never reaches the citizen. They do not test a real model's skill.
/// </summary>
[Collection(AssistantGroup.Name)]
public sealed class ModelContractTests(AssistantFixture fixture)
{
    [Fact]
    public async Task AnOutOfScopeQueryIsSearchedAgainWithTheReadOnlySkillsOffered()
    {
        // Arrange: the core finds nothing for 小孩读书; the model rephrases it and picks what find_services returned.
        await using var model = await ScriptedChatServer.StartAsync(
            ScriptedChatServer.ToolCall("assistant-find_services", new { text = "义务教育入学报名" }),
            ScriptedChatServer.Content("school-enrollment"));
        using var host = new KernelTestHost(fixture, model.Endpoint);
        var state = new DialogueState();

        // Act
        var replies = await host.SayAsync("小孩读书", state);

        // Assert: the dialogue goes on with the catalog's service.
        Assert.Equal("school-enrollment", state.ServiceId);
        Assert.Contains(fixture.Resources.Catalog.Find("school-enrollment")!.Name, replies[0].Text, StringComparison.Ordinal);
        var requests = model.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.EndsWith("/v1/chat/completions", r.Path, StringComparison.Ordinal));
        var first = requests[0].Body;
        Assert.Equal("test-model", (string?)first["model"]);
        Assert.Equal(["assistant-find_services", "assistant-resolve_place", "assistant-get_service_guide"], ToolNames(first));
        Assert.Equal("小孩读书", Messages(first).Last(m => m.Role == "user").Content);
        Assert.Contains(ModelPrompts.NoService, Messages(first).First(m => m.Role == "system").Content, StringComparison.Ordinal);
        // The model's tool call went through the kernel's call filter like the dialogue's own.
        Assert.Equal(2, host.Logs.Entries.Count(e => e.Category == typeof(SkillCallFilter).FullName
            && Equals(e.Values["Function"], "assistant.find_services")));
        // The second request carries the catalog's answer to the tool call back to the model.
        var toolResult = Assert.Single(Messages(requests[1].Body), m => m.Role == "tool").Content;
        Assert.Contains("school-enrollment", toolResult, StringComparison.Ordinal);
        Assert.Contains(fixture.Resources.Catalog.Find("school-enrollment")!.Name, toolResult, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AClarifyQueryIsResolvedToTheServiceTheModelPickedFromTheCatalogsCandidates()
    {
        await using var model = await ScriptedChatServer.StartAsync(
            ScriptedChatServer.ToolCall("assistant-find_services", new { text = "领取失业保险金" }),
            ScriptedChatServer.Content("unemployment-benefit"));
        using var host = new KernelTestHost(fixture, model.Endpoint);
        var state = new DialogueState();

        var replies = await host.SayAsync("失业", state);

        Assert.Equal("unemployment-benefit", state.ServiceId);
        Assert.DoesNotContain(replies, r => r.Text == DialogueTexts.Clarify);
    }

    [Theory]
    [InlineData("school-enrollment-vip")] // invented
    [InlineData("passport")]              // in the catalog, but find_services did not return it here
    public async Task AServiceTheCatalogDidNotReturnIsDroppedAndTheCoreReplyStands(string invented)
    {
        // Arrange
        await using var model = await ScriptedChatServer.StartAsync(
            ScriptedChatServer.ToolCall("assistant-find_services", new { text = "义务教育入学报名" }),
            ScriptedChatServer.Content(invented));
        using var host = new KernelTestHost(fixture, model.Endpoint);
        var state = new DialogueState();

        // Act
        var replies = await host.SayAsync("小孩读书", state);

        // Assert
        Assert.Null(state.ServiceId);
        Assert.StartsWith(DialogueTexts.OutOfScope, Assert.Single(replies).Text, StringComparison.Ordinal);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains(invented, StringComparison.Ordinal) && e.Message.Contains("dropped", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFollowUpQuestionIsAnsweredFromTheEntryWithTheEntryCitedAndInventedLinksDropped()
    {
        // Arrange: answered 补办身份证 in 杭州, now waiting for a rating.
        await using var model = await ScriptedChatServer.StartAsync(
            ScriptedChatServer.Content("需要带户口簿。也可以在 https://fast-id.example.com/apply 在线加急办理。"));
        using var host = new KernelTestHost(fixture, model.Endpoint);
        var state = new DialogueState();
        await host.SayAsync("我身份证丢了，在杭州", state);
        Assert.Equal(Stages.Rating, state.Stage);
        var entry = fixture.Resources.Catalog.Find("id-card-reissue")!;

        // Act
        var reply = Assert.Single(await host.SayAsync("要带户口本吗？", state));

        // Assert: the reply
        Assert.StartsWith("需要带户口簿。", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("example.com", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"依据：服务目录“{entry.Name}”", reply.Text, StringComparison.Ordinal);
        Assert.Equal(Stages.Rating, state.Stage);
        // Assert: the request is grounded in the entry and offers no tools
        var request = Assert.Single(model.Requests).Body;
        Assert.Null(request["tools"]);
        var system = string.Join("\n", Messages(request).Where(m => m.Role == "system").Select(m => m.Content));
        Assert.Contains(entry.Name, system, StringComparison.Ordinal);
        Assert.All(entry.Materials, m => Assert.Contains(m, system, StringComparison.Ordinal));
        Assert.Equal("要带户口本吗？", Messages(request).Last().Content);

        // Act, Assert: the rating still works after the question.
        var thanks = await host.SayAsync("满意", state);
        Assert.Contains("感谢您的评价", thanks[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonalNumbersNeverReachTheModel()
    {
        await using var model = await ScriptedChatServer.StartAsync(ScriptedChatServer.Content(ModelPrompts.NoService));
        using var host = new KernelTestHost(fixture, model.Endpoint);

        await host.SayAsync("小孩读书 电话13812345678", new DialogueState());

        var body = Assert.Single(model.Requests).Body.ToJsonString();
        Assert.DoesNotContain("13812345678", body, StringComparison.Ordinal);
        Assert.All(host.Logs.Entries, e => Assert.DoesNotContain("13812345678", e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailingModelLeavesTheCoreReply()
    {
        await using var model = await ScriptedChatServer.StartAsync(ScriptedChatServer.Failure(), ScriptedChatServer.Failure(),
            ScriptedChatServer.Failure(), ScriptedChatServer.Failure());
        using var host = new KernelTestHost(fixture, model.Endpoint);

        var replies = await host.SayAsync("小孩读书", new DialogueState());

        Assert.NotEmpty(model.Requests);
        Assert.StartsWith(DialogueTexts.OutOfScope, Assert.Single(replies).Text, StringComparison.Ordinal);
    }

    private static List<string> ToolNames(JsonNode request) =>
        [.. request["tools"]!.AsArray().Select(t => (string)t!["function"]!["name"]!)];

    private static List<(string Role, string Content)> Messages(JsonNode request) =>
        [.. request["messages"]!.AsArray().Select(m => ((string)m!["role"]!, ContentText(m["content"])))];

    // Content is a string, or an array of parts with text.
    private static string ContentText(JsonNode? content) => content switch
    {
        null => "",
        JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"] ?? "")),
        _ => (string?)content ?? "",
    };
}
