using System.Net.Http.Json;
using System.Text.Json;
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
/// <remarks>
/// One fetch at a time; callers waiting behind it get its token, or its failure: while the endpoint is down, replies
/// queued behind a failed fetch go at once into their own retry backoff instead of each waiting out another 15 s
/// timeout. A caller arriving after the failure tries the endpoint again.
/// </remarks>
public sealed partial class ConnectorTokenProvider : IDisposable
{
    private static readonly TimeSpan s_renewBefore = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClients;
    private readonly BotOptions _options;
    private readonly TimeProvider _clock;
    private readonly SemaphoreSlim _fetching = new(1, 1);
    private (string Token, DateTimeOffset RenewAt)? _cached;
    private long _failures;
    private string _lastFailure = "";

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
    /// <param name="refused">A token the channel answered 401 to: if it is still the cached one, fetch a new one.</param>
    /// <exception cref="HttpRequestException">The token endpoint cannot be reached, refuses the app or answers nonsense.</exception>
    public async Task<string?> GetAsync(string? refused, CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return null;
        }

        var failuresBefore = Interlocked.Read(ref _failures);
        await _fetching.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } cached && _clock.GetUtcNow() < cached.RenewAt && cached.Token != refused)
            {
                return cached.Token;
            }

            if (Interlocked.Read(ref _failures) != failuresBefore)
            {
                throw new HttpRequestException(_lastFailure);    // the fetch this caller waited for failed
            }

            try
            {
                return await FetchAsync(cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                _lastFailure = e is HttpRequestException ? e.Message : "token endpoint timed out";
                Interlocked.Increment(ref _failures);
                throw new HttpRequestException(_lastFailure, e);
            }
        }
        finally
        {
            _fetching.Release();
        }
    }

    public void Dispose() => _fetching.Dispose();

    private async Task<string> FetchAsync(CancellationToken cancellationToken)
    {
        var endpoint = Endpoint;
        if (endpoint.Scheme != Uri.UriSchemeHttps && !endpoint.IsLoopback)
        {
            // The request carries the app's secret.
            throw new HttpRequestException($"token endpoint {endpoint.GetLeftPart(UriPartial.Authority)} is not https");
        }

        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = _options.MicrosoftAppId!,
            ["client_secret"] = _options.MicrosoftAppPassword!,
            ["scope"] = _options.TokenScope,
        });
        using var response = await _httpClients.CreateClient(nameof(ConnectorTokenProvider)).PostAsync(endpoint, form, cancellationToken);
        TokenResponse? token;
        try
        {
            token = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        }
        catch (JsonException)
        {
            token = null;    // a proxy's page, not the endpoint's JSON
        }

        if (!response.IsSuccessStatusCode)
        {
            // Only the OAuth2 error code (AADSTS…): an unknown endpoint's body could echo the form, secret included.
            throw new HttpRequestException($"token endpoint answered HTTP {(int)response.StatusCode} {token?.Error}".TrimEnd());
        }

        if (string.IsNullOrEmpty(token?.AccessToken) || token.ExpiresIn <= 0)
        {
            throw new HttpRequestException("token endpoint answered without access_token and expires_in");
        }

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
        _cached = (token.AccessToken, _clock.GetUtcNow() + (lifetime > 2 * s_renewBefore ? lifetime - s_renewBefore : lifetime / 2));
        return token.AccessToken;
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in"), JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] int ExpiresIn,
        [property: JsonPropertyName("error")] string? Error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bot:MicrosoftAppId is set without Bot:MicrosoftAppPassword: replies to channels carry no token, and Bot Framework channels refuse them")]
    private static partial void LogNoSecret(ILogger logger);
}
