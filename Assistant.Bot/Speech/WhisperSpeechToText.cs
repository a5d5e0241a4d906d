using Whisper.net;

namespace Assistant.Bot.Speech;

/// <summary>
/// Local recognition with whisper.cpp through Whisper.net. The model loads once; each request builds its own processor
/// (processors are not thread-safe) and requests run one at a time because inference already uses every thread given.
/// </summary>
public sealed class WhisperSpeechToText : ISpeechToText, IDisposable
{
    private readonly WhisperFactory _factory;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly int _threads;
    private readonly string _language;

    public WhisperSpeechToText(string modelPath, int threads, string language)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"Speech:Whisper:ModelPath points to {modelPath}, which does not exist.", modelPath);
        }

        _factory = WhisperFactory.FromPath(modelPath);
        _threads = Math.Max(1, threads);
        _language = language.Split('-')[0];   // whisper wants "zh", not "zh-CN"
    }

    public string Engine => "whisper";

    public async Task<SpeechRecognition> RecognizeAsync(AudioClip clip, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var processor = _factory.CreateBuilder().WithLanguage(_language).WithThreads(_threads).Build();
            var texts = new List<string>();
            var probabilities = new List<float>();
            await foreach (var segment in processor.ProcessAsync(clip.Samples, cancellationToken))
            {
                texts.Add(segment.Text.Trim());
                probabilities.Add(segment.Probability);
            }

            var text = string.Concat(texts);
            return string.IsNullOrWhiteSpace(text)
                ? SpeechRecognition.NoMatch
                : new SpeechRecognition(RecognitionStatus.Recognized, text, probabilities.Average(), []);
        }
        catch (WhisperProcessingException ex)
        {
            throw new SpeechServiceException($"Whisper failed: {ex.Message}", ex);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _factory.Dispose();
        _gate.Dispose();
    }
}
