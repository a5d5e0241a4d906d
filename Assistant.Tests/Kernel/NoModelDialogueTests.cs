using Assistant.Bot.Dialogue;
using Assistant.Bot.Skills;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Assistant.Tests.Kernel;

/// <summary>With no <c>Ai</c> settings the assistant is its deterministic core: no chat service, the same replies.</summary>
[Collection(AssistantGroup.Name)]
public sealed class NoModelDialogueTests(AssistantFixture fixture) : IDisposable
{
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
        // Act: turns that reach both model hooks (out of scope, clarify, a question while waiting for a rating)
        var state = new DialogueState();
        var outOfScope = await _host.SayAsync("小孩读书", state, "no-model-1");
        var clarify = await _host.SayAsync("转移", state, "no-model-1");
        await _host.SayAsync("我身份证丢了，在杭州", state, "no-model-1");
        var stageBeforeQuestion = state.Stage;
        var question = await _host.SayAsync("要带照片吗？", state, "no-model-1");

        // Assert
        Assert.Equal(DialogueTexts.OutOfScope + DialogueTexts.Examples + "也可以说“转人工”。", Assert.Single(outOfScope).Text);
        Assert.Equal(DialogueTexts.Clarify, Assert.Single(clarify).Text);
        Assert.Equal(Stages.Rating, stageBeforeQuestion);
        // The question is answered from the catalog entry by the core itself (EntryAnswers), and the rating still waits.
        Assert.StartsWith("要，所需材料里有：本人近期免冠照片", Assert.Single(question).Text);
        Assert.Equal(Stages.Rating, state.Stage);
    }
}
