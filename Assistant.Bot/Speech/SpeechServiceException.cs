namespace Assistant.Bot.Speech;

/// <summary>A speech engine failed (remote error, process crash, timeout): the request is answered 502, never 500.</summary>
public sealed class SpeechServiceException : Exception
{
    public SpeechServiceException()
    {
    }

    public SpeechServiceException(string message) : base(message)
    {
    }

    public SpeechServiceException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
