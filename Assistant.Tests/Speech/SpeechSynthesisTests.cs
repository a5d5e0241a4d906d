using Assistant.Bot.Protocol;
using Assistant.Bot.Speech;
using NAudio.Wave;

namespace Assistant.Tests.Speech;

public sealed class SpeechSynthesisTests
{
    private static readonly SpeechPinyin s_pinyin = SpeechPinyin.Load(AssistantFixture.DataPath);

    [Theory]
    [InlineData("我想补办身份证", "wo3 xiang3 bu3 ban4 shen1 fen4 zheng4")]
    [InlineData("异地就医备案", "yi4 di4 jiu4 yi1 bei4 an4")]          // word table: 地 is di4 here, not Unihan's first reading de5
    [InlineData("请拨打12345。谢谢", "qing3 bo1 da3 yao1 er4 san1 si4 wu3. xie4 xie4")]
    [InlineData("15个工作日，到银行办理", "15 ge4 gong1 zuo4 ri4, dao4 yin2 hang2 ban4 li3")]
    [InlineData("下载APP", "xia4 zai4 APP")]
    [InlineData("重庆市成都市", "chong2 qing4 shi4 cheng2 du1 shi4")]     // place names whose first Unihan readings are wrong
    [InlineData("厦门长沙", "xia4 men2 chang2 sha1")]
    public void TextBecomesToneNumberedPinyin(string text, string expected) =>
        Assert.Equal(expected, s_pinyin.ToSpeechInput(text));

    [Fact]
    public void EspeakReadsThePinyinAsMandarinNotEnglish()
    {
        var ipa = AudioTools.Run("espeak-ng", "-v", "cmn-latn-pinyin", "-q", "--ipa", s_pinyin.ToSpeechInput("请问在哪里办理户口迁移"));

        // espeak-ng marks a switch to English pronunciation rules with "(en)"; the broken "cmn" voice shows it (issue #1236).
        Assert.DoesNotContain("(en)", ipa, StringComparison.Ordinal);
        Assert.True(ipa.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 5, ipa);
    }

    [Theory]
    [InlineData("wav16k", 16_000, WaveFormatEncoding.Pcm)]
    [InlineData("mulaw8k", 8_000, WaveFormatEncoding.MuLaw)]
    public async Task EspeakSpeaksEachFormatAsAudioThatDecodes(string name, int rate, WaveFormatEncoding encoding)
    {
        var tts = new EspeakTextToSpeech("espeak-ng", new EspeakSpeechOptions(), s_pinyin);
        Assert.True(SpeechAudioFormats.TryParse(name, out var format));

        var wav = await tts.SynthesizeAsync("您好，请问您要办理什么业务？", format, CancellationToken.None);

        using (var reader = new WaveFileReader(new MemoryStream(wav)))
        {
            Assert.Equal(rate, reader.WaveFormat.SampleRate);
            Assert.Equal(encoding, reader.WaveFormat.Encoding);
            Assert.Equal(1, reader.WaveFormat.Channels);
        }

        var clip = AudioDecoder.DecodeTo16k(wav, "audio/wav", TimeSpan.FromSeconds(60));
        Assert.InRange(clip.Duration.TotalSeconds, 1.5, 8);
        Assert.True(clip.Rms() > 0.01, $"RMS {clip.Rms()}");
    }

    [Fact]
    public async Task TextWithNothingToSayIsAnArgumentError()
    {
        var tts = new EspeakTextToSpeech("espeak-ng", new EspeakSpeechOptions(), s_pinyin);

        await Assert.ThrowsAsync<ArgumentException>(() => tts.SynthesizeAsync("……", SpeechAudioFormat.Wav16k, CancellationToken.None));
    }

    [Theory]
    [InlineData("<speak version=\"1.0\" xml:lang=\"zh-CN\">您好<break time=\"300ms\"/>请问您要办理什么业务？</speak>", "您好，请问您要办理什么业务？")]
    [InlineData("请说一到五分", "请说一到五分")]
    [InlineData("<speak>未闭合", "未闭合")]
    public void SpokenTextComesFromSpeakSsml(string speak, string expected) =>
        Assert.Equal(expected, SpeakText.Of(new Activity { Speak = speak, Text = "ignored" }));

    [Fact]
    public void SpokenTextFallsBackToTheReplyTextWithoutItsLinks() =>
        Assert.Equal("办事页面。好的。", SpeakText.Of(new Activity { Text = "办事页面：https://www.zjzwfw.gov.cn/\n好的" }));
}
