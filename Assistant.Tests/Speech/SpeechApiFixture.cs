using Assistant.Bot.Speech;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Speech;

/// <summary>
/// The test audio plus one server whose recogniser is the sidecar-transcript double (for the 16 kHz utterance) and
/// whose synthesizer is the real espeak-ng, shared by a test class because each server start costs seconds here.
/// </summary>
public sealed class SpeechApiFixture : IDisposable
{
    private readonly Lazy<SpeechApiFactory> _sidecar;

    public SpeechApiFixture() => _sidecar = new(() => SidecarFactory());

    public SpeechAudioFixture Audio { get; } = new();

    public SpeechApiFactory Sidecar => _sidecar.Value;

    public SpeechApiFactory SidecarFactory(Dictionary<string, string?>? settings = null, string file = "opus.webm") =>
        new(settings ?? [], services => services.AddSingleton(sp => new SpeechEngines(
            new SidecarTranscriptSpeechToText(Audio.Path(file), Audio.Seconds),
            new EspeakTextToSpeech("espeak-ng", new EspeakSpeechOptions(), SpeechPinyin.Load(AssistantFixture.DataPath)))));

    public void Dispose()
    {
        if (_sidecar.IsValueCreated)
        {
            _sidecar.Value.Dispose();
        }

        Audio.Dispose();
    }
}
