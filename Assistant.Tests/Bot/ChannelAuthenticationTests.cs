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
/// OpenID metadata served on loopback, checked the way Bot Framework channels' tokens are checked.
/// </summary>
public sealed class ChannelAuthenticationTests(ChannelAuthenticationTests.Channel channel) : IClassFixture<ChannelAuthenticationTests.Channel>
{
    private const string AppId = "7f0c4f4e-assistant-test";
    private const string Issuer = "https://api.botframework.com";
    private readonly RSA _channelKey = channel.Key;
    private readonly RSA _strangerKey = channel.StrangerKey;
    private readonly ConfiguredApiFactory _factory = channel.Factory;

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
            Factory = new ConfiguredApiFactory(new Dictionary<string, string?>
            {
                ["Bot:MicrosoftAppId"] = AppId,
                ["Bot:OpenIdMetadataUrl"] = _metadata.BaseUrl + ".well-known/openidconfiguration",
                ["Bot:RequireHttpsMetadata"] = "false",
            });
        }

        public RSA Key { get; } = RSA.Create(2048);

        public RSA StrangerKey { get; } = RSA.Create(2048);

        public ConfiguredApiFactory Factory { get; }

        public void Dispose()
        {
            Factory.Dispose();
            _metadata.Dispose();
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

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string? token, string channelId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = JsonContent.Create(new
            {
                type = "message", id = "1", channelId, from = new { id = "u" }, recipient = new { id = AppId },
                conversation = new { id = "auth-" + Guid.NewGuid().ToString("N") }, serviceUrl = "https://channel.example/", text = "你好",
                deliveryMode = "expectReplies",
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
