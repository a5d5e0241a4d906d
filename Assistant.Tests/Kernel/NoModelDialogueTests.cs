using Assistant.Bot.Dialogue;
using Assistant.Bot.Ratings;
using Assistant.Bot.Skills;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Assistant.Tests.Kernel;

/// <summary>With no <c>Ai</c> settings the assistant is its deterministic core: no chat service, the same replies.</summary>
[Collection(AssistantGroup.Name)]
public sealed class NoModelDialogueTests(AssistantFixture fixture) : IDisposable
{
    // Turns that reach both model hooks: out of scope, clarify, and a question while waiting for a rating.
    private static readonly string[] s_script = ["小孩读书", "失业", "我身份证丢了，在杭州", "要带户口本吗？", "今天天气怎么样？"];

    private readonly KernelTestHost _host = new(fixture);

    public void Dispose() => _host.Dispose();

    [Fact]
    public void NoModelIsWired()
    {
        Assert.IsType<NoModelAssistant>(_host.Services.GetRequiredService<IModelAssistant>());
        Assert.Null(_host.Services.GetService<IChatCompletionService>());
    }

    [Fact]
    public async Task RepliesAtTheModelHooksAreTheCoresOwn()
    {
        // Act
        var state = new DialogueState();
        var outOfScope = await _host.SayAsync("小孩读书", state, "no-model-1");
        var clarify = await _host.SayAsync("转移", state, "no-model-1");
        await _host.SayAsync("我身份证丢了，在杭州", state, "no-model-1");
        var stageBeforeQuestion = state.Stage;
        var question = await _host.SayAsync("要带户口本吗？", state, "no-model-1");

        // Assert
        Assert.Equal(DialogueTexts.OutOfScope + DialogueTexts.Examples + "也可以说“转人工”。", Assert.Single(outOfScope).Text);
        Assert.Equal(DialogueTexts.Clarify, Assert.Single(clarify).Text);
        Assert.Equal(Stages.Rating, stageBeforeQuestion);
        Assert.DoesNotContain(question, r => r.Text.Contains("依据：服务目录", StringComparison.Ordinal));
        Assert.NotEqual(Stages.Rating, state.Stage);
    }

    [Fact]
    public async Task TheRegisteredDialogueRepliesExactlyAsOneBuiltWithoutTheModelSeam()
    {
        // Arrange: the dialogue as it was constructed before the model seam existed.
        var plain = new AssistantDialogue(_host.Services.GetRequiredService<SkillClient>(), fixture.Resources.Catalog,
            _host.Services.GetRequiredService<RatingService>());
        var registered = _host.Dialogue;

        // Act
        var expected = await RunAsync(plain, "no-model-plain");
        var actual = await RunAsync(registered, "no-model-registered");

        // Assert
        Assert.Equal(expected, actual);
    }

    private static async Task<List<string>> RunAsync(AssistantDialogue dialogue, string conversationId)
    {
        var state = new DialogueState();
        var transcript = new List<string>();
        foreach (var text in s_script)
        {
            var replies = await dialogue.RunAsync(new TurnInput(conversationId, "webchat", text, null, false, null, []), state, CancellationToken.None);
            transcript.AddRange(replies.Select(r => $"{r.Text}|{string.Join(",", r.Suggestions)}|{r.Card?.Title}|{state.Stage}"));
        }

        return transcript;
    }
}
