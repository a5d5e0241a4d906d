using Assistant.Bot.Skills;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

namespace Assistant.Tests.Kernel;

/// <summary>The kernel's call filter: personal numbers masked in arguments and results, every call logged without them.</summary>
[Collection(AssistantGroup.Name)]
public sealed class SkillCallFilterTests(AssistantFixture fixture) : IDisposable
{
    // Test numbers of the documented shapes (a valid-looking 身份证号, a mobile, a 16-digit card), not real people's.
    private const string IdNumber = "11010519491231002X";
    private const string Mobile = "13812345678";
    private const string Card = "6222 0212 3456 7890";

    private readonly KernelTestHost _host = new(fixture);

    public void Dispose() => _host.Dispose();

    /// <summary>What a probe function returned: strings to mask and values that must survive untouched.</summary>
    public sealed record ProbeResult(string Text, IReadOnlyList<string> Items, double Score, DateOnly Day, string? Missing);

    [Fact]
    public void TheKernelFromDependencyInjectionHasTheFilter()
    {
        Assert.Contains(_host.Kernel.FunctionInvocationFilters, f => f is SkillCallFilter);
    }

    [Fact]
    public async Task ArgumentsAreMaskedBeforeTheFunctionSeesThem()
    {
        // Arrange
        string? seenText = null;
        string[]? seenItems = null;
        var kernel = WithProbe((string text, string[] items) =>
        {
            seenText = text;
            seenItems = items;
            return "ok";
        });

        // Act
        await kernel.InvokeAsync("probe", "run", new() { ["text"] = $"身份证{IdNumber}，电话{Mobile}", ["items"] = new[] { Card, "户口簿" } });

        // Assert
        Assert.Equal("身份证110105********002X，电话138****5678", seenText);
        Assert.Equal(["6222********7890", "户口簿"], seenItems!);
    }

    [Fact]
    public async Task RecordResultsAreMaskedAndKeepTheirType()
    {
        // Arrange: a score with 16 fraction digits, which as text would look like a bank card.
        var original = new ProbeResult($"回拨{Mobile}", [IdNumber, "护照"], 0.8734567890123456, new DateOnly(2026, 3, 2), null);
        var kernel = WithProbe(() => original);

        // Act
        var result = await kernel.InvokeAsync("probe", "run");

        // Assert
        var masked = result.GetValue<ProbeResult>()!;
        Assert.Equal("回拨138****5678", masked.Text);
        Assert.Equal(["110105********002X", "护照"], masked.Items);
        Assert.Equal(original.Score, masked.Score);
        Assert.Equal(original.Day, masked.Day);
    }

    [Fact]
    public async Task AResultWithNothingToMaskIsTheSameInstance()
    {
        var original = new ProbeResult("补办护照", ["护照"], 0.5, new DateOnly(2026, 1, 5), null);
        var kernel = WithProbe(() => original);

        var result = await kernel.InvokeAsync("probe", "run");

        Assert.Same(original, result.GetValue<ProbeResult>());
    }

    [Fact]
    public async Task FindServicesSeesAndReturnsOnlyMaskedWordsAndStillFindsTheService()
    {
        // Act
        var result = await _host.Kernel.InvokeAsync(AssistantSkills.PluginName, "find_services",
            new() { ["text"] = $"我身份证丢了，号码{IdNumber}，手机{Mobile}" });

        // Assert
        var matches = result.GetValue<ServiceMatches>()!;
        Assert.Equal("id-card-reissue", matches.Label);
        Assert.DoesNotContain(IdNumber, matches.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Mobile, matches.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(matches.Tokens, t => t.Contains("12345678", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ProvincialItemIdsThatLookLikeCardNumbersSurviveTheFilter()
    {
        // Arrange: a provincial item whose id holds a digit run of a bank card's shape (sc-…-11511301008778239R-1-00).
        var item = fixture.Resources.Catalog.Services.First(s => !s.IsCore && Assistant.Bot.Privacy.PersonalDataMasker.ContainsPersonalData(s.Id));
        var direct = fixture.Understander.Understand(item.Name);
        Assert.Contains(direct.Candidates, c => c.Label == item.Id);

        // Act
        var guide = (await _host.Kernel.InvokeAsync(AssistantSkills.PluginName, "get_service_guide",
            new() { ["serviceId"] = item.Id })).GetValue<ServiceGuide>()!;
        var matches = (await _host.Kernel.InvokeAsync(AssistantSkills.PluginName, "find_services",
            new() { ["text"] = item.Name })).GetValue<ServiceMatches>()!;

        // Assert: the id reaches the function unmasked, and comes back unmasked in the result, with its page link.
        Assert.Equal(item.Id, guide.Id);
        Assert.Equal(item.Name, guide.Name);
        Assert.Equal(item.Item!.Url, guide.Page!.Url);
        Assert.Contains(matches.Candidates, c => c.Label == item.Id);
    }

    [Fact]
    public async Task ACoreServicesProvincialPageLinkSurvivesTheFilter()
    {
        // Arrange: a core service's provincial item page (in the item's own city) whose URL holds a digit run of a bank
        // card's shape.
        var catalog = fixture.Resources.Catalog;
        var (match, city, direct) = catalog.ItemMatches
            .Select(m => (m, City: m.Item.AreaCode[..4] + "00"))
            .Select(x => (x.m, x.City, Page: catalog.PageFor(catalog.Find(x.m.ServiceId)!, x.m.Province, x.City)))
            .First(x => x.Page?.Url is { } url && Assistant.Bot.Privacy.PersonalDataMasker.ContainsPersonalData(url));

        // Act
        var guide = (await _host.Kernel.InvokeAsync(AssistantSkills.PluginName, "get_service_guide",
            new() { ["serviceId"] = match.ServiceId, ["province"] = match.Province, ["city"] = city })).GetValue<ServiceGuide>()!;

        // Assert: the citizen is sent to the same page the catalog holds, not to a masked link.
        Assert.Equal(direct!.Url, guide.Page!.Url);
        Assert.DoesNotContain("*", guide.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EachCallIsLoggedWithNameDurationAndOutcomeAndNoPersonalNumber()
    {
        // Act
        await _host.Kernel.InvokeAsync(AssistantSkills.PluginName, "find_services", new() { ["text"] = $"社保卡丢了 {Mobile}" });
        await Assert.ThrowsAsync<ArgumentException>(() => _host.Kernel.InvokeAsync(AssistantSkills.PluginName, "get_service_guide",
            new() { ["serviceId"] = $"card-{Mobile}" }));

        // Assert
        var calls = _host.Logs.Entries.Where(e => e.Category == typeof(SkillCallFilter).FullName).ToList();
        var found = Assert.Single(calls, e => Equals(e.Values["Function"], "assistant.find_services"));
        Assert.Equal(SkillCallFilter.Succeeded, found.Values["Outcome"]);
        Assert.InRange((double)found.Values["ElapsedMs"]!, 0.0, 60_000.0);
        Assert.Equal(LogLevel.Information, found.Level);
        var failed = Assert.Single(calls, e => Equals(e.Values["Function"], "assistant.get_service_guide"));
        Assert.Equal(SkillCallFilter.Failed, failed.Values["Outcome"]);
        Assert.Contains("ArgumentException", failed.Message, StringComparison.Ordinal);
        Assert.All(_host.Logs.Entries, e => Assert.DoesNotContain(Mobile, e.Message, StringComparison.Ordinal));
    }

    // A clone of the real kernel (same filters) with one extra function, so the filter is tested on values we control.
    private Microsoft.SemanticKernel.Kernel WithProbe(Delegate method)
    {
        var kernel = _host.Kernel.Clone();
        kernel.Plugins.Add(KernelPluginFactory.CreateFromFunctions("probe", [KernelFunctionFactory.CreateFromMethod(method, "run")]));
        return kernel;
    }
}
