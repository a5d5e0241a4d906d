namespace Assistant.Tests.Speech;

/// <summary>
/// One utterance, 我想补办身份证, spoken by espeak-ng and written in every format the service takes, by tools other than
/// the code under test: sox for WAV layouts and G.711, ffmpeg's libopus for WebM (plain and live, as MediaRecorder
/// writes it, with unknown-size elements) and Ogg. Made once per test run in a temporary folder.
/// </summary>
public sealed class SpeechAudioFixture : IDisposable
{
    public const string Utterance = "我想补办身份证";
    public const string UtterancePinyin = "wo3 xiang3 bu3 ban4 shen1 fen4 zheng4";

    public SpeechAudioFixture()
    {
        Directory.CreateDirectory(Folder);
        AudioTools.Run("espeak-ng", "-v", "cmn-latn-pinyin", "-s", "150", "-w", Path("espeak.wav"), UtterancePinyin);
        Sox("espeak.wav", "wav16k.wav", "-r 16000 -c 1 -b 16 -e signed-integer");
        Seconds = AudioTools.SoxSeconds(Path("wav16k.wav"));
        Sox("espeak.wav", "wav44k-stereo-24bit.wav", "-r 44100 -c 2 -b 24 -e signed-integer");
        Sox("espeak.wav", "wav48k-float.wav", "-r 48000 -c 1 -b 32 -e floating-point");
        Sox("espeak.wav", "wav8k-pcm.wav", "-r 8000 -c 1 -b 16 -e signed-integer", "sinc 300-3400");   // telephone band
        Sox("wav8k-pcm.wav", "wav8k-mulaw.wav", "-e mu-law -b 8");
        Sox("wav8k-pcm.wav", "wav8k-alaw.wav", "-e a-law -b 8");
        Ffmpeg("wav16k.wav", "opus.webm", "-c:a", "libopus", "-b:a", "32k");
        Ffmpeg("wav16k.wav", "opus-live.webm", "-c:a", "libopus", "-b:a", "32k", "-live", "1", "-cluster_time_limit", "500");
        Ffmpeg("wav16k.wav", "opus.ogg", "-c:a", "libopus", "-b:a", "32k");
        Ffmpeg("wav16k.wav", "vorbis.ogg", "-c:a", "libvorbis");
        Sox("wav8k-pcm.wav", "long-70s.wav", "", "repeat 25");   // 26 × 2.7 s
    }

    public string Folder { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "speech-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>Duration of the utterance (sox's reading of the 16 kHz render).</summary>
    public double Seconds { get; }

    public string Path(string name) => System.IO.Path.Combine(Folder, name);

    public byte[] Bytes(string name) => File.ReadAllBytes(Path(name));

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    /// <summary>sox input [output format options] output [effects].</summary>
    private void Sox(string input, string output, string format, string effects = "") =>
        AudioTools.Run("sox", [Path(input), .. Split(format), Path(output), .. Split(effects)]);

    private static string[] Split(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private void Ffmpeg(string input, string output, params string[] options) =>
        // bitexact: no random segment and track ids, so every run decodes (and scrambles) the same bytes.
        AudioTools.Run("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", "-i", Path(input), .. options, "-fflags", "+bitexact", Path(output)]);
}
