namespace Assistant.Tests.Search;

/// <summary>Openings and closings around a request do not decide the intent; alone they are the greeting or thanks.</summary>
[Collection(AssistantGroup.Name)]
public sealed class SalutationsTests(AssistantFixture fixture)
{
    [Theory]
    [InlineData("喂 你好 我之前在厦门交的医保想转到老家去", "我之前在厦门交的医保想转到老家去")]
    [InlineData("您好，工作人员，驾驶证到期了要去哪里换", "驾驶证到期了要去哪里换")]
    [InlineData("身份证丢了要怎么补办，谢谢了", "身份证丢了要怎么补办")]
    [InlineData("你好", "你好")]                          // alone it is the greeting
    [InlineData("谢谢", "谢谢")]
    [InlineData("喂喂 听得见吗", "喂喂 听得见吗")]           // too little left to be a request
    [InlineData("你好我想问个事", "你好我想问个事")]
    [InlineData("我想找你们客服", "我想找你们客服")]         // only openings and closings are dropped
    [InlineData("喂养宠物要办什么证件吗", "喂养宠物要办什么证件吗")]  // 喂 inside a word is not an opening
    [InlineData("喂你好社保卡丢了怎么补办", "社保卡丢了怎么补办")]
    public void OnlyARequestOfSixHanCharactersLosesItsWrapping(string text, string expected) =>
        Assert.Equal(expected, fixture.Resources.Salutations.Strip(text));

    [Theory]
    [InlineData("喂 你好 我之前在厦门交的医保想转到老家去", "medical-insurance-transfer")]
    [InlineData("喂喂 您好 那个 我的社保卡丢了咋整", "social-security-card-loss")]
    [InlineData("你好", "greeting")]
    public void AHotlineOpeningIsNotTakenForAGreeting(string text, string expected) =>
        Assert.Equal(expected, fixture.Understander.Understand(text).Label);
}
