using Assistant.Bot.Speech;

namespace Assistant.Tests.Speech;

/// <summary>
/// The Whisper.net path with whisper.cpp's weightless test model (TestData/whisper): it proves the native runtime loads,
/// the model parses and inference runs on real audio. The model has no weights, so it recognises nothing (0 segments,
/// measured in ../shared/research/speech.md): never assert recognised text here.
/// </summary>
public sealed class WhisperSpeechToTextTests(SpeechAudioFixture audio) : IClassFixture<SpeechAudioFixture>
{
    public static string TestModel => Path.Combine(AppContext.BaseDirectory, "TestData", "whisper", "for-tests-ggml-tiny.bin");

    [Fact]
    public async Task TestModelLoadsAndRunsInferenceOnTelephoneAudio()
    {
        using var whisper = new WhisperSpeechToText(TestModel, threads: 2, language: "zh-CN");
        var clip = AudioDecoder.DecodeTo16k(audio.Bytes("wav8k-mulaw.wav"), "audio/wav", TimeSpan.FromSeconds(60));

        var result = await whisper.RecognizeAsync(clip, CancellationToken.None);

        // Zero segments from a weightless model map to NoMatch: the plumbing ran to the end.
        Assert.Equal(RecognitionStatus.NoMatch, result.Status);
        Assert.Equal("whisper", whisper.Engine);
    }

    [Fact]
    public void AMissingModelFailsWithItsPath()
    {
        var ex = Assert.Throws<FileNotFoundException>(() => new WhisperSpeechToText("/nonexistent/ggml-base.bin", 1, "zh-CN"));

        Assert.Contains("/nonexistent/ggml-base.bin", ex.Message, StringComparison.Ordinal);
    }
}
