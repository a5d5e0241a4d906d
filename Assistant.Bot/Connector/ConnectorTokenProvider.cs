using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Connector;

/// <summary>
/// The bearer token replies to a channel carry (bot-framework-rest-connector-authentication.md, "bot to connector"):
/// an OAuth2 client-credentials token for the app id and secret, scope <c>https://api.botframework.com/.default</c>,
/// cached until five minutes before it expires. Without an app id and secret there is none, and replies go without an
/// Authorization header, as the Bot Framework SDKs do with authentication off (the Emulator, local channels).
/// </summary>
public sealed partial class ConnectorTokenProvider : IDisposable
{
    private static readonly TimeSpan s_renewBefore = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClients;
    private readonly BotOptions _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;

    public ConnectorTokenProvider(IHttpClientFactory httpClients, IOptions<BotOptions> options, TimeProvider clock,
        ILogger<ConnectorTokenProvider> logger)
    {
        _httpClients = httpClients;
        _options = options.Value;
        _clock = clock;
        if (!string.IsNullOrWhiteSpace(_options.MicrosoftAppId) && string.IsNullOrWhiteSpace(_options.MicrosoftAppPassword))
        {
            LogNoSecret(logger);
        }
    }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(_options.MicrosoftAppId) && !string.IsNullOrWhiteSpace(_options.MicrosoftAppPassword);

    public Uri Endpoint => new(_options.TokenEndpoint
        ?? $"https://login.microsoftonline.com/{Uri.EscapeDataString(_options.MicrosoftAppTenantId)}/oauth2/v2.0/token");

    /// <summary>The token for the next Connector call, or null when authentication is off.</summary>
    /// <param name="renew">The channel refused the cached token (401): fetch a new one.</param>
    /// <exception cref="HttpRequestException">The token endpoint cannot be reached or refuses the app.</exception>
    public async Task<string?> GetAsync(bool renew, CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return null;
        }

        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (!renew && _cached is { } cached && _clock.GetUtcNow() < cached.RenewAt)
            {
                return cached.Token;
            }

            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = _options.MicrosoftAppId!,
                ["client_secret"] = _options.MicrosoftAppPassword!,
                ["scope"] = _options.TokenScope,
            });
            using var response = await _httpClients.CreateClient(nameof(ConnectorTokenProvider)).PostAsync(Endpoint, form, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                // The body of a refusal (AADSTS codes) says why, and holds no secret.
                var reason = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new HttpRequestException($"token endpoint answered HTTP {(int)response.StatusCode}: {Truncate(reason)}");
            }

            var token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
            if (string.IsNullOrEmpty(token?.AccessToken) || token.ExpiresIn <= 0)
            {
                throw new HttpRequestException("token endpoint answered without access_token or expires_in");
            }

            var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
            _cached = (token.AccessToken, _clock.GetUtcNow() + (lifetime > 2 * s_renewBefore ? lifetime - s_renewBefore : lifetime / 2));
            return token.AccessToken;
        }
        finally
        {
            _fetching.Release();
        }
    }

    public void Dispose() => _fetching.Dispose();

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int ExpiresIn);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot:MicrosoftAppId is set without Bot:MicrosoftAppPassword: replies to channels carry no token, and Bot Framework channels refuse them")]
    private static partial void LogNoSecret(ILogger logger);
}
