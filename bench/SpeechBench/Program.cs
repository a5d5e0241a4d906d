// Decoding choice for browser audio (WebM/Opus): managed Concentus in process vs an ffmpeg process fed through pipes,
// on a 10 s clip, plus the local synthesis of a typical reply. Needs espeak-ng, sox and ffmpeg (see .ci/run).
using System.Diagnostics;
using Assistant.Bot.Speech;

var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 20;
var folder = Directory.CreateTempSubdirectory("speech-bench").FullName;
string P(string name) => Path.Combine(folder, name);
Run("espeak-ng", "-v", "cmn-latn-pinyin", "-s", "150", "-w", P("one.wav"), "wo3 xiang3 bu3 ban4 shen1 fen4 zheng4, qing3 wen4 zai4 na3 li3 ban4");
Run("sox", P("one.wav"), "-r", "48000", "-c", "1", P("ten.wav"), "repeat", "5", "trim", "0", "10");
Run("ffmpeg", "-hide_banner", "-loglevel", "error", "-y", "-i", P("ten.wav"), "-c:a", "libopus", "-b:a", "32k", "-live", "1", P("ten.webm"));
var webm = File.ReadAllBytes(P("ten.webm"));
Console.WriteLine($"clip: 10 s WebM/Opus 48 kHz mono, {webm.Length:N0} bytes; {rounds} rounds after 3 warm-up, median (min-max) ms");

Report("Concentus (managed), decode + resample to 16 kHz", () => AudioDecoder.DecodeTo16k(webm, "audio/webm", TimeSpan.FromSeconds(60)).Samples.Length);
Report("ffmpeg pipe (process per request), to 16 kHz s16le", () => FfmpegDecode(webm));

var tts = new EspeakTextToSpeech("espeak-ng", new EspeakSpeechOptions(), SpeechPinyin.Load(Path.Combine(AppContext.BaseDirectory, "data")));
const string reply = "身份证补领：请携带户口簿到户籍所在地派出所办理，也可以在浙里办预约。";
Report("espeak-ng reply (35 characters) to wav16k", () => tts.SynthesizeAsync(reply, SpeechAudioFormat.Wav16k, default).GetAwaiter().GetResult().Length);
Report("espeak-ng reply (35 characters) to mulaw8k", () => tts.SynthesizeAsync(reply, SpeechAudioFormat.MuLaw8k, default).GetAwaiter().GetResult().Length);
Directory.Delete(folder, true);

void Report(string name, Func<int> work)
{
    for (var i = 0; i < 3; i++)
    {
        work();
    }

    var times = new List<double>();
    var size = 0;
    for (var i = 0; i < rounds; i++)
    {
        var watch = Stopwatch.StartNew();
        size = work();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"{name,-52} {times[times.Count / 2],7:0.0} ({times[0]:0.0}-{times[^1]:0.0})  output {size:N0}");
}

static int FfmpegDecode(byte[] input)
{
    var start = new ProcessStartInfo("ffmpeg") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in new[] { "-hide_banner", "-loglevel", "error", "-i", "pipe:0", "-f", "s16le", "-ac", "1", "-ar", "16000", "pipe:1" })
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    var writer = Task.Run(() => { process.StandardInput.BaseStream.Write(input); process.StandardInput.Close(); });
    using var output = new MemoryStream();
    process.StandardOutput.BaseStream.CopyTo(output);
    writer.Wait();
    process.WaitForExit();
    return (int)output.Length / 2;
}

static void Run(string program, params string[] arguments)
{
    var start = new ProcessStartInfo(program);
    foreach (var a in arguments)
    {
        start.ArgumentList.Add(a);
    }

    using var process = Process.Start(start)!;
    process.WaitForExit();
}
