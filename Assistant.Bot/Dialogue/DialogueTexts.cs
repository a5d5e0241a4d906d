namespace Assistant.Bot.Dialogue;

/// <summary>Fixed sentences of the dialogue, in one place so wording stays consistent and reviewable.</summary>
public static class DialogueTexts
{
    public const string Welcome = "您好！我是政务服务智能导办助手。说说您要办什么事，我帮您找到对应的服务和办理入口。";
    public const string WelcomeElder = "您好！请说您要办什么事。";
    public const string Examples = "比如：“我身份证丢了”“我想办社保卡”“公积金怎么取”。";
    public const string OutOfScope = "抱歉，这个问题不在我能帮您办理的政务服务范围内。我可以帮您查找办事服务和办理入口。";
    public const string Clarify = "您想办的是下面哪一项？请点选或说序号。";
    /// <summary>Out of scope, but one core service is close enough to have been answered: offered as a choice.</summary>
    public const string OutOfScopeNearest = "这个问题不在我能帮您办理的政务服务范围内。您要办的是不是下面这件事？请点选或说序号。";
    public const string OutOfScopeItems = "这件事不在我能帮您办理的常见服务里，不过找到了相关的地方办事事项。您要找的是下面哪一项？请点选或说序号。";
    public const string NoneOfThese = "好的，请换个说法告诉我您要办的事，比如说说是什么证件、什么待遇。";
    /// <summary>After 都不是 to provincial items offered for a matter none of the core services covers: rephrasing alone
    /// rarely helps there, so the ways to a person come with it.</summary>
    public const string NoneOfTheseItems = "好的。您可以换个说法再说一遍；如果要办的事不在这里，可以说“转人工”，或拨打12345政务服务便民热线。";
    public const string AnythingElse = "还有其他需要办的吗？";
    public const string Restarted = "好的，已重新开始。请说说您要办什么事。";
    public const string Handoff = "正在为您转接人工客服。如果没有接通，请拨打12345政务服务便民热线。";
    public const string ComplaintAsk = "请说说您要投诉的事情和经过，我来为您登记。请不要提供身份证号、银行卡号等个人信息。";
    public const string ComplaintCancelled = "好的，投诉没有提交。";
    public const string ProgressAsk = "请告诉我办件编号，一般在受理回执或短信里。";
    public const string ProgressPlace = "请问这件事是在哪个省或城市办的？";
    public const string RatingAsk = "请您对本次服务进行评价：非常满意、满意、基本满意、不满意、非常不满意。也可以直接说其他要办的事。";
    public const string RatingAskElder = "请评价本次服务。";
    public const string RatingReasonAsk = "很抱歉没能让您满意。主要是什么原因？可以选多项。";
    public const string RatingReasonText = "请简单说说具体情况。";
    public const string AlreadyRated = "这项服务您已经评价过了，每项服务评价一次（一事一评）。";
    public const string PlaceNotUnderstood = "没听清是哪里。请说省或城市的名字，比如“浙江杭州”。";
    public const string Thanks = "不客气！";
    public const string FeedbackThanks = "感谢您的反馈！";
    public const string WaysToBeHeard = "如有不满意的地方，可以说“投诉”为您登记，或说“转人工”。";
    public const string Goodbye = "感谢使用，再见！";
    public const string NotHeard = "抱歉，没听清您要办什么事，请再说一遍，比如“补办身份证”。";
    public const string NothingToRepeat = "我还没有说过什么。请说说您要办什么事。";

    /// <summary>Common example requests offered as buttons.</summary>
    public static readonly IReadOnlyList<string> ExampleButtons = ["身份证丢了怎么补办", "我想办社保卡", "提取住房公积金", "长辈模式"];

    /// <summary>The example buttons; in 长辈模式 the last one switches it off instead of on.</summary>
    public static IReadOnlyList<string> ExampleButtonsFor(bool elderMode) =>
        elderMode ? [.. ExampleButtons.SkipLast(1), "退出长辈模式"] : ExampleButtons;

    /// <summary>Populous provinces offered as buttons when asking where (any other name or city can be typed or said).</summary>
    public static readonly IReadOnlyList<string> ProvinceButtons = ["北京", "上海", "广东", "浙江", "江苏", "四川"];
}
