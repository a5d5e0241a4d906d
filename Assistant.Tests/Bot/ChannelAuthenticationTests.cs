using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Assistant.Tests.Api;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Assistant.Tests.Bot;

/// <summary>
/// Channel authentication with an app id configured: tokens signed by keys this test generates and publishes through
/// OpenID metadata served on loopback, checked the way Bot Framework channels' tokens are checked. The other direction,
/// the bot's own token on its replies, is a contract test: Azure AD's token endpoint cannot be reached from here, so a
/// loopback listener plays it, answering the OAuth2 client-credentials request with the documented response fields.
/// </summary>
public sealed class ChannelAuthenticationTests(ChannelAuthenticationTests.Channel channel) : IClassFixture<ChannelAuthenticationTests.Channel>
{
    private readonly Channel _channel = channel;
    private const string AppId = "7f0c4f4e-assistant-test";
    private const string AppSecret = "test-secret-not-real";
    private const string Issuer = "https://api.botframework.com";
    private readonly RSA _channelKey = channel.Key;
    private readonly RSA _strangerKey = channel.StrangerKey;
    private readonly ConfiguredApiFactory _factory = channel.Factory;
    private readonly ChannelListener _tokenEndpoint = channel.TokenEndpoint;

    /// <summary>The channel's keys, its OpenID metadata on loopback, and the bot configured to trust them.</summary>
    public sealed class Channel : IDisposable
    {
        private readonly ChannelListener _metadata = new();

        public Channel()
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(Key) { KeyId = "channel-key" });
            _metadata.Serve("/.well-known/openidconfiguration", JsonSerializer.Serialize(new
            {
                issuer = Issuer, jwks_uri = _metadata.BaseUrl + "keys", id_token_signing_alg_values_supported = new[] { "RS256" },
            }));
            _metadata.Serve("/keys", JsonSerializer.Serialize(new
            {
                keys = new[] { new { kty = "RSA", use = "sig", kid = jwk.Kid, n = jwk.N, e = jwk.E, endorsements = new[] { "test", "directline" } } },
            }));
            TokenEndpoint.Answer("/oauth2/v2.0/token", TokenResponse);
            Factory = new ConfiguredApiFactory(Settings(TokenEndpoint));
        }

        /// <summary>The bot's settings: trusting this channel's keys, getting its own tokens from <paramref name="tokenEndpoint"/>.</summary>
        public Dictionary<string, string?> Settings(ChannelListener tokenEndpoint) => new()
        {
            ["Bot:MicrosoftAppId"] = AppId,
            ["Bot:MicrosoftAppPassword"] = AppSecret,
            ["Bot:TokenEndpoint"] = tokenEndpoint.BaseUrl + "oauth2/v2.0/token",
            ["Bot:OpenIdMetadataUrl"] = _metadata.BaseUrl + ".well-known/openidconfiguration",
            ["Bot:RequireHttpsMetadata"] = "false",
            ["Bot:ReplyRetryDelay"] = "00:00:00.050",
        };

        public ChannelListener TokenEndpoint { get; } = new();

        /// <summary>What Azure AD answers a client-credentials grant (the n-th one gets token n).</summary>
        public static string TokenResponse(int n) => JsonSerializer.Serialize(new
        {
            token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = $"bot-token-{n}",
        });

        public RSA Key { get; } = RSA.Create(2048);

        public RSA StrangerKey { get; } = RSA.Create(2048);

        public ConfiguredApiFactory Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            _metadata.Dispose();
            TokenEndpoint.Dispose();
            Key.Dispose();
            StrangerKey.Dispose();
        }
    }

    public static TheoryData<string> Refused => ["none", "garbage", "wrong-audience", "expired", "stranger-key", "wrong-issuer", "other-service-url", "unendorsed-channel"];

    [Fact]
    public async Task AValidChannelTokenIsAccepted()
    {
        var client = await _factory.ReadyClientAsync();

        using var response = await SendAsync(client, Token(), "test");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("政务服务", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task BadTokensGet401(string kind)
    {
        var client = await _factory.ReadyClientAsync();
        var token = kind switch
        {
            "none" => null,
            "garbage" => "not-a-jwt",
            "wrong-audience" => Token(audience: "someone-else"),
            "expired" => Token(expires: DateTime.UtcNow.AddMinutes(-10)),
            "stranger-key" => Token(key: _strangerKey),
            "wrong-issuer" => Token(issuer: "https://evil.example"),
            "other-service-url" => Token(serviceUrl: "https://elsewhere.example/"),
            _ => Token(),
        };

        using var response = await SendAsync(client, token, kind == "unendorsed-channel" ? "msteams" : "test");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RepliesToTheChannelCarryTheAppsTokenFromTheClientCredentialsGrant()
    {
        // Arrange: a channel on loopback, and a conversation it starts with a valid channel token
        var client = await _factory.ReadyClientAsync();
        using var replies = new ChannelListener();
        var conversation = "outgoing-" + Guid.NewGuid().ToString("N");
        var grantsBefore = Grants().Count;    // the bot's token outlives a test: another may have fetched it already

        // Act: two turns, normal delivery, so the replies are POSTed to the channel
        using (await SendAsync(client, Token(serviceUrl: replies.BaseUrl), "test", replies.BaseUrl, conversation, "你好", expectReplies: false))
        {
        }

        await replies.WaitForAsync(1);
        using (await SendAsync(client, Token(serviceUrl: replies.BaseUrl), "test", replies.BaseUrl, conversation, "谢谢", expectReplies: false))
        {
        }

        var received = await replies.WaitForAsync(2);

        // Assert: the grant asked for the Bot Connector scope with the app's id and secret; every reply carries the
        // latest token it returned, fetched at most once for both turns
        Assert.True(received.Count >= 2, $"expected replies to both turns, got {received.Count}");
        var grants = Grants();
        Assert.InRange(grants.Count - grantsBefore, 0, 1);
        var grant = System.Web.HttpUtility.ParseQueryString(Assert.Single(grants.Distinct()));
        Assert.Equal("client_credentials", grant["grant_type"]);
        Assert.Equal(AppId, grant["client_id"]);
        Assert.Equal(AppSecret, grant["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", grant["scope"]);
        Assert.All(replies.Posts, p => Assert.Equal($"Bearer bot-token-{grants.Count}", p.Authorization));
    }

    [Fact]
    public async Task AReplyWhoseTokenFetchFailedIsRetriedWithANewFetch()
    {
        // Arrange: a token endpoint behind a proxy that first answers with its own page instead of the token
        using var tokenEndpoint = new ChannelListener();
        tokenEndpoint.Answer("/oauth2/v2.0/token", n => n == 1 ? "<html>网络认证</html>" : Channel.TokenResponse(n));
        using var server = new ConfiguredApiFactory(_channel.Settings(tokenEndpoint));
        var client = await server.ReadyClientAsync();
        using var replies = new ChannelListener();

        // Act
        using (await SendAsync(client, Token(serviceUrl: replies.BaseUrl), "test", replies.BaseUrl,
            "refetch-" + Guid.NewGuid().ToString("N"), "你好", expectReplies: false))
        {
        }

        var received = await replies.WaitForAsync(1);

        // Assert: the first attempt had no token to send; the retry fetched one and was delivered with it
        Assert.NotEmpty(received);
        Assert.Contains("政务服务", received[0].Body);
        Assert.Equal(2, tokenEndpoint.Received.Count(r => r.Path == "/oauth2/v2.0/token"));
        Assert.All(replies.Posts, p => Assert.Equal("Bearer bot-token-2", p.Authorization));
    }

    private List<string> Grants() => [.. _tokenEndpoint.Received.Where(r => r.Path == "/oauth2/v2.0/token").Select(r => r.Body)];

    [Fact]
    public async Task AReplyTheChannelRefusesWith401IsSentAgainWithAFreshToken()
    {
        // Arrange: a channel that refuses the first reply's token
        var client = await _factory.ReadyClientAsync();
        using var replies = new ChannelListener(failFirst: 1, failStatus: 401);

        // Act
        using (await SendAsync(client, Token(serviceUrl: replies.BaseUrl), "test", replies.BaseUrl,
            "renew-" + Guid.NewGuid().ToString("N"), "你好", expectReplies: false))
        {
        }

        var received = await replies.WaitForAsync(1);

        // Assert: delivered, the retry with another token than the refused one
        Assert.Contains("政务服务", received[0].Body);
        var tokens = replies.Posts.Select(p => p.Authorization).ToList();
        Assert.True(tokens.Count >= 2, $"expected a refused and a retried POST, got {tokens.Count}");
        Assert.StartsWith("Bearer bot-token-", tokens[0]);
        Assert.StartsWith("Bearer bot-token-", tokens[1]);
        Assert.NotEqual(tokens[0], tokens[1]);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string? token, string channelId) =>
        SendAsync(client, token, channelId, "https://channel.example/", "auth-" + Guid.NewGuid().ToString("N"), "你好", expectReplies: true);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string? token, string channelId, string serviceUrl,
        string conversationId, string text, bool expectReplies)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new
            {
                type = "message", id = Guid.NewGuid().ToString("N"), channelId, from = new { id = "u" }, recipient = new { id = AppId },
                conversation = new { id = conversationId }, serviceUrl, text,
                deliveryMode = expectReplies ? "expectReplies" : null,
            }),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }

    private string Token(string audience = AppId, DateTime? expires = null, RSA? key = null, string issuer = Issuer,
        string serviceUrl = "https://channel.example/")
    {
        var signingKey = new RsaSecurityKey(key ?? _channelKey) { KeyId = "channel-key" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            NotBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2),
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            Subject = new ClaimsIdentity([new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256),
        });
    }
}
