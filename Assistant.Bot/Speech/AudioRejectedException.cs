namespace Assistant.Bot.Speech;

/// <summary>
/// Audio the speech layer will not take, with the HTTP status that says why: 415 for a type it does not decode, 400 for
/// a body that does not decode as what it claims, 413 for audio that is too large or too long.
/// </summary>
public sealed class AudioRejectedException : Exception
{
    public AudioRejectedException(int statusCode, string reason, Exception? inner = null) : base(reason, inner) => StatusCode = statusCode;

    public AudioRejectedException()
    {
    }

    public AudioRejectedException(string message) : base(message)
    {
    }

    public AudioRejectedException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public int StatusCode { get; } = 400;

    public static AudioRejectedException Unsupported(string reason) => new(415, reason);

    public static AudioRejectedException Invalid(string reason, Exception? inner = null) => new(400, reason, inner);

    public static AudioRejectedException TooLarge(string reason) => new(413, reason);
}
