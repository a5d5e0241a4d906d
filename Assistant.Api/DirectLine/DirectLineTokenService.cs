using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace Assistant.Api.DirectLine;

/// <summary>
/// Issues and checks Direct Line tokens: compact HS256 JWTs naming one conversation and an expiry. They are stateless, so
/// generating a token costs no memory; the key is random per process because conversations live in memory too and do
/// not outlive a restart. The claims carry no <c>user</c>: directlinejs would then force that id onto every activity.
/// </summary>
public sealed class DirectLineTokenService(IOptions<DirectLineOptions> options, TimeProvider clock)
{
    private static readonly string s_header = Base64Url("""{"alg":"HS256","typ":"JWT"}"""u8);
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    public TimeSpan Lifetime => options.Value.TokenLifetime;

    public string Issue(string conversationId, string kind = DirectLineToken.Conversation)
    {
        var lifetime = kind == DirectLineToken.Stream ? options.Value.StreamUrlLifetime : options.Value.TokenLifetime;
        var claims = new Claims(conversationId, kind, clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds());
        var unsigned = s_header + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims));
        return unsigned + "." + Base64Url(Sign(unsigned));
    }

    public TokenCheck Check(string? token, string kind, out DirectLineToken? granted)
    {
        granted = null;
        var parts = token?.Split('.');
        if (parts is not [var header, var payload, var signature] || header != s_header)
        {
            return TokenCheck.Invalid;
        }

        byte[] expected = Sign(header + "." + payload), claimsJson;
        try
        {
            if (!CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(Pad(signature))))
            {
                return TokenCheck.Invalid;
            }

            claimsJson = Convert.FromBase64String(Pad(payload));
        }
        catch (FormatException)
        {
            return TokenCheck.Invalid;
        }

        // The signature is ours, so the payload is JSON we wrote.
        var claims = JsonSerializer.Deserialize<Claims>(claimsJson)!;
        if (claims.Kind != kind)
        {
            return TokenCheck.Invalid;
        }

        granted = new DirectLineToken(claims.ConversationId, claims.Kind, DateTimeOffset.FromUnixTimeSeconds(claims.Expires));
        return clock.GetUtcNow() < granted.Expires ? TokenCheck.Valid : TokenCheck.Expired;
    }

    /// <summary>Seconds left, as Direct Line's <c>expires_in</c>.</summary>
    public int SecondsLeft(DirectLineToken token) => Math.Max(0, (int)(token.Expires - clock.GetUtcNow()).TotalSeconds);

    private byte[] Sign(string unsigned) => HMACSHA256.HashData(_key, Encoding.ASCII.GetBytes(unsigned));

    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
    }

    private sealed record Claims(
        [property: JsonPropertyName("conv")] string ConversationId,
        [property: JsonPropertyName("kind")] string Kind,
        [property: JsonPropertyName("exp")] long Expires);
}
