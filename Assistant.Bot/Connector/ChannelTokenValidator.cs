using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Bot.Connector;

/// <summary>Outcome of checking a channel's Authorization header.</summary>
public sealed record ChannelAuthResult(bool Allowed, string? Problem)
{
    public static readonly ChannelAuthResult Open = new(true, null);
}

/// <summary>
/// Validates the JWT a Bot Framework channel sends (bot-framework-rest-connector-authentication.md): Bearer scheme,
/// issuer, audience = our app id, lifetime with 5 minutes of skew, RS256 signature by a key from the OpenID metadata,
/// the key's endorsements include the channel, and the serviceurl claim matches the activity. Open when no app id is set.
/// </summary>
public sealed class ChannelTokenValidator
{
    private readonly BotOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _metadata;
    private readonly JsonWebTokenHandler _handler = new();

    public ChannelTokenValidator(IOptions<BotOptions> options, IHttpClientFactory httpClients)
    {
        _options = options.Value;
        if (IsEnabled)
        {
            var retriever = new HttpDocumentRetriever(httpClients.CreateClient(nameof(ChannelTokenValidator)))
            {
                RequireHttps = _options.RequireHttpsMetadata,
            };
            _metadata = new ConfigurationManager<OpenIdConnectConfiguration>(_options.OpenIdMetadataUrl,
                new OpenIdConnectConfigurationRetriever(), retriever)
            {
                AutomaticRefreshInterval = TimeSpan.FromDays(1),
            };
        }
    }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(_options.MicrosoftAppId);

    /// <summary>
    /// Whether replies may be posted to <paramref name="serviceUrl"/>. With authentication the caller is a verified
    /// channel (and its token binds serviceUrl when it carries the claim); without, only an origin in
    /// <see cref="BotOptions.OpenServiceUrls"/>, or this machine when the caller is on this machine too (the Emulator):
    /// a remote caller must not make the assistant POST to local services.
    /// </summary>
    /// <param name="callerIsLocal">The request came from loopback (or in process).</param>
    public bool MayReplyTo(Uri serviceUrl, bool callerIsLocal) =>
        IsEnabled || serviceUrl.IsLoopback && callerIsLocal || _options.OpenServiceUrls.Any(allowed =>
            Uri.TryCreate(allowed, UriKind.Absolute, out var origin)
            && Uri.Compare(origin, serviceUrl, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);

    public async Task<ChannelAuthResult> ValidateAsync(string? authorization, string? channelId, string? serviceUrl,
        CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return ChannelAuthResult.Open;
        }

        if (authorization is null || !authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return new(false, "缺少 Bearer 令牌 (missing Bearer token)");
        }

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _metadata!.GetConfigurationAsync(cancellationToken);
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or IOException)
        {
            // Metadata unreachable: the caller cannot be verified, which is the caller's 401, never our 500.
            return new(false, "无法获取签名密钥 (signing keys unavailable)");
        }

        var result = await _handler.ValidateTokenAsync(authorization["Bearer ".Length..].Trim(), new TokenValidationParameters
        {
            ValidIssuers = _options.ValidIssuers,
            ValidAudience = _options.MicrosoftAppId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = TimeSpan.FromMinutes(5),
            RequireExpirationTime = true,
            RequireSignedTokens = true,
        });
        if (!result.IsValid)
        {
            return new(false, "令牌无效 (" + (result.Exception?.GetType().Name ?? "invalid") + ")");
        }

        if (!Endorsed(configuration, result.SecurityToken as JsonWebToken, channelId))
        {
            return new(false, "签名密钥未授权此渠道 (key not endorsed for channel)");
        }

        var claimedUrl = result.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        return claimedUrl is not null && !SameUrl(claimedUrl, serviceUrl)
            ? new(false, "serviceUrl 与令牌不符 (serviceUrl mismatch)")
            : new(true, null);
    }

    // Bot Framework keys list the channels they may sign for; keys without the list are not restricted.
    private static bool Endorsed(OpenIdConnectConfiguration configuration, JsonWebToken? token, string? channelId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == token?.Kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value) || channelId is null)
        {
            return true;
        }

        var endorsements = value switch
        {
            IEnumerable<object> list => list.Select(o => o?.ToString()),
            System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.Array } array =>
                array.EnumerateArray().Select(e => e.GetString()),
            _ => [],
        };
        return endorsements.Contains(channelId, StringComparer.Ordinal);
    }

    private static bool SameUrl(string a, string? b) =>
        string.Equals(a.TrimEnd('/'), b?.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
}
