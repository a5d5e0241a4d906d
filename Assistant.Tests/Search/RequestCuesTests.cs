using Assistant.Search.Text;

namespace Assistant.Tests.Search;

/// <summary>Which clauses of a text ask for something: what the classifier reads once more, and what the clause rule reads.</summary>
[Collection(AssistantGroup.Name)]
public sealed class RequestCuesTests(AssistantFixture fixture)
{
    [Theory]
    [InlineData("失业了怎么登记", true)]     // a question word
    [InlineData("想给他上户口", true)]     // a wish
    [InlineData("身份证又到期了", true)]     // a problem that needs the service
    [InlineData("驾驶证丢了", true)]
    [InlineData("护照在县里中不中", true)]     // A不A
    [InlineData("这边能不能办", true)]
    [InlineData("下周去民政局领证", false)]     // a plan: sets the scene
    [InlineData("护照办下来了", false)]     // done: sets the scene
    [InlineData("新车提回来了", false)]
    [InlineData("马上要去民政局领证了", false)]     // 要 alone is a plan, not a request
    [InlineData("不是不行", false)]     // 不 between different characters is no A不A question
    public void AClauseAsksWhenItHasAQuestionAWishOrAProblem(string clause, bool asks) =>
        Assert.Equal(asks, fixture.Resources.RequestCues.Asks(clause));

    [Theory]
    [InlineData("身份证丢了，在杭州咋补办", new[] { "身份证丢了", "在杭州咋补办" })]
    [InlineData("社保 怎么转到老家", new[] { "怎么转到老家" })]     // a single space breaks a spoken text; 社保 is too short
    [InlineData("我在  上班，身份证丢了", new[] { "我在  上班", "身份证丢了" })]     // a place taken out is no break
    [InlineData("护照", new string[0])]
    public void ClausesAreSplitAtPunctuationAndSingleSpaces(string text, string[] expected) =>
        Assert.Equal(expected, Clauses.Split(text));

    [Fact]
    public void TheClassifierReadsTheWordsOfTheClausesThatAsk()
    {
        var several = fixture.Search.Analyzer.Analyze("护照办下来了，欧洲哪几个国家值得去").IntentFeatures;
        var one = fixture.Search.Analyzer.Analyze("护照怎么办理").IntentFeatures;

        Assert.Contains("欧洲", several.Focus);
        Assert.DoesNotContain("护照", several.Focus);     // the clause that names it only reports it done
        Assert.Contains("护照", several.Words);
        Assert.Empty(one.Focus);     // one clause: everything is asked, nothing read twice
    }
}
