using System.Diagnostics;

namespace Assistant.Bot.Speech;

/// <summary>
/// Local speech with espeak-ng (robotic formant synthesis: fine as a fallback and for tests, poor for citizens, so Azure
/// is preferred when configured). Writes to a temporary file rather than stdout because espeak-ng's streamed WAV header
/// carries placeholder sizes.
/// </summary>
public sealed class EspeakTextToSpeech(string program, EspeakSpeechOptions options, SpeechPinyin pinyin) : ITextToSpeech
{
    public string Engine => "espeak-ng";

    public async Task<byte[]> SynthesizeAsync(string text, SpeechAudioFormat format, CancellationToken cancellationToken)
    {
        var input = pinyin.ToSpeechInput(text);
        if (input.Length == 0)
        {
            throw new ArgumentException("The text has nothing that can be spoken.", nameof(text));
        }

        var file = Path.Combine(Path.GetTempPath(), $"espeak-{Guid.NewGuid():N}.wav");
        try
        {
            await RunAsync(input, file, cancellationToken);
            var clip = WavDecoder.Decode(await File.ReadAllBytesAsync(file, cancellationToken));
            return WavEncoder.Encode(clip, format);
        }
        catch (AudioRejectedException ex)
        {
            throw new SpeechServiceException("espeak-ng wrote audio that does not decode.", ex);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task RunAsync(string input, string file, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-v", options.Voice, "-s", options.WordsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture), "-w", file, "--", input })
        {
            start.ArgumentList.Add(argument);   // an argument list, never a shell line: the text is the citizen's business
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.TimeoutSeconds));
        using var process = Process.Start(start) ?? throw new SpeechServiceException($"{program} did not start.");
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            throw new SpeechServiceException($"{program} took longer than {options.TimeoutSeconds} s.");
        }

        if (process.ExitCode != 0)
        {
            throw new SpeechServiceException($"{program} exited with {process.ExitCode}: {(await error).Trim()}");
        }
    }

    /// <summary>The full path of a program name found on PATH (or the path itself when it exists); null when absent.</summary>
    public static string? Locate(string? program)
    {
        if (string.IsNullOrWhiteSpace(program))
        {
            return null;
        }

        if (program.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(program) ? program : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
    }
}
