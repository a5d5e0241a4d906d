using Assistant.Search.Intents;
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
    [InlineData("这证办不办得了", true)]     // A不A alone
    [InlineData("领证那天天气好?", true)]     // a question mark
    [InlineData("过几天去民政局领证", false)]     // 几天 inside 过几天 asks nothing
    [InlineData("可能下周去领证", false)]     // nor 能 inside 可能
    [InlineData("护照这么快就办下来了", false)]     // nor 么 inside 这么
    [InlineData("下周去民政局领证", false)]     // a plan: sets the scene
    [InlineData("护照办下来了", false)]     // done: sets the scene
    [InlineData("新车提回来了", false)]
    [InlineData("马上要去民政局领证了", false)]     // 要 alone is a plan, not a request
    [InlineData("不是不行", false)]     // 不 between different characters is no A不A question
    public void AClauseAsksWhenItHasAQuestionAWishOrAProblem(string clause, bool asks) =>
        Assert.Equal(asks, fixture.Resources.RequestCues.Asks(clause));

    [Theory]
    [InlineData("身份证丢了,在杭州怎么补办", new[] { "身份证丢了", "在杭州怎么补办" })]
    [InlineData("社保 怎么转到老家", new[] { "怎么转到老家" })]     // a space breaks a spoken text; 社保 is too short
    [InlineData("领证那天天气好?婚纱店推荐一下", new[] { "领证那天天气好?", "婚纱店推荐一下" })]     // the question mark stays
    [InlineData("身份证、户口本丢了怎么补", new[] { "身份证、户口本丢了怎么补" })]     // 、 lists things
    [InlineData("护照", new string[0])]
    public void ClausesAreSplitAtPunctuationAndSpaces(string text, string[] expected) =>
        Assert.Equal(expected, Clauses.Split(text));

    [Fact]
    public void TheClassifierReadsTheWordsOfTheClausesThatAsk()
    {
        var several = fixture.Search.Analyzer.Analyze("护照办下来了，欧洲哪几个国家值得去").IntentFeatures;

        Assert.Contains("欧洲", several.Focus);
        Assert.DoesNotContain("护照", several.Focus);     // the clause that names it only reports it done
        Assert.Contains("护照", several.Words);
    }

    [Theory]
    [InlineData("护照怎么办理")]     // one clause: everything is asked
    [InlineData("身份证丢了，怎么补办")]     // every clause asks: nothing stands apart, as without the comma
    [InlineData("护照办下来了，欧洲玩了一圈")]     // none asks
    public void NothingIsReadTwiceWhenNoClauseStandsApart(string text) =>
        Assert.Empty(fixture.Search.Analyzer.Analyze(text).IntentFeatures.Focus);

    [Fact]
    public void WhatIsAskedIsAFeatureOfItsOwnAndNumbersKeepTheirShape()
    {
        var encoded = IntentClassifier.Encode(new TextFeatures(["护照"], [], []) { Focus = ["欧洲", "2024051700123"] }).Split(' ');

        Assert.Contains("q:w:欧洲", encoded);
        Assert.Contains("q:n:number", encoded);
        Assert.Contains("w:护照", encoded);
    }

    [Theory]
    [InlineData("居住证办好了，哪个小区租房便宜", "residence-permit")]
    [InlineData("下周去车管所换驾照，附近哪里停车方便", "driver-license-renewal")]
    [InlineData("明天去社保局办退休，退休以后去哪里旅游好", "pension-claim")]
    public void WhatIsAskedTakesEvidenceFromTheServiceTheSceneNames(string text, string scene)
    {
        var features = fixture.Search.Analyzer.Analyze(text).IntentFeatures;

        var asked = fixture.Classifier.Predict(features);
        var sceneAlone = fixture.Classifier.Predict(features with { Focus = [] });

        // Since session 13's narration training the scene alone leans out of scope too (居住证办好了 tells, asks
        // nothing), so what is asked is compared by the evidence it leaves the scene's service, not by the top label.
        Assert.NotEmpty(features.Focus);
        Assert.Equal("out_of_scope", asked[0].Label);
        Assert.Equal(scene, sceneAlone.First(x => fixture.Resources.Catalog.Find(x.Label) is not null).Label);     // the scene names it
        float Scene(IReadOnlyList<(string Label, float Probability)> p) => p.First(x => x.Label == scene).Probability;
        Assert.True(Scene(asked) < Scene(sceneAlone), $"{scene} {Scene(asked)} with what is asked, {Scene(sceneAlone)} from the scene alone");
    }
}
