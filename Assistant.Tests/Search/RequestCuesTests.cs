namespace Assistant.Tests.Search;

/// <summary>Which clauses of an out-of-scope text the clause rule reads: those that ask for something.</summary>
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
}
