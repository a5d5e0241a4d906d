namespace Assistant.Bot.Speech;

/// <summary>
/// <c>Speech:Whisper</c>: a whisper.cpp ggml model file (multilingual, e.g. ggml-base.bin or ggml-small.bin from the
/// whisper.cpp project's published models; not the English-only <c>.en</c> ones). Relative paths resolve against the
/// app folder. Unset → Whisper is off.
/// </summary>
public sealed class WhisperSpeechOptions
{
    public string? ModelPath { get; set; }

    /// <summary>CPU threads per recognition; recognitions run one at a time so a burst cannot starve the web server.</summary>
    public int Threads { get; set; } = Math.Max(1, Environment.ProcessorCount - 1);

    public string? ResolveModelPath() =>
        string.IsNullOrWhiteSpace(ModelPath) ? null : Path.GetFullPath(ModelPath, AppContext.BaseDirectory);
}
