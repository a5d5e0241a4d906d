using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Assistant.Bot.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Assistant.Bot.Connector;

/// <summary>
/// Posts replies to the channel's Connector API: <c>POST {serviceUrl}/v3/conversations/{conversationId}/activities/{replyToId}</c>,
/// with the app's bearer token when authentication is on (<see cref="ConnectorTokenProvider"/>), retried with exponential
/// backoff on network errors (the token endpoint's included), 429 and 5xx; a 401 gets one immediate retry with a new
/// token. A reply that still fails is logged, never dropped silently.
/// </summary>
public sealed partial class ChannelReplySender(HttpClient http, ConnectorTokenProvider tokens, IOptions<BotOptions> options,
    ILogger<ChannelReplySender> logger)
{
    public async Task<bool> SendAsync(Activity reply, string serviceUrl, CancellationToken cancellationToken)
    {
        var conversationId = reply.Conversation?.Id ?? throw new ArgumentException("reply has no conversation");
        var path = $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities"
            + (reply.ReplyToId is { } replyTo ? "/" + Uri.EscapeDataString(replyTo) : "");
        var url = new Uri(new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/"), path);
        var delay = options.Value.ReplyRetryDelay;
        string? refusedToken = null;
        for (var attempt = 1; ; attempt++)
        {
            string failure;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url)
                {
                    Content = JsonContent.Create(reply, options: ActivityJson.Options),
                };
                var token = await tokens.GetAsync(refusedToken, cancellationToken);
                if (token is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                failure = $"HTTP {(int)response.StatusCode}";
                if (response.StatusCode == HttpStatusCode.Unauthorized && token is not null && refusedToken is null
                    && attempt < options.Value.ReplyAttempts)
                {
                    // The channel refused our token (revoked, or the secret rotated): once more, at once, with a new one.
                    refusedToken = token;
                    continue;
                }

                if ((int)response.StatusCode < 500 && (int)response.StatusCode != 429)
                {
                    LogUndelivered(logger, reply.Type, conversationId, url, failure, attempt);
                    return false;
                }
            }
            catch (HttpRequestException e)
            {
                failure = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = "timeout";
            }

            if (attempt >= options.Value.ReplyAttempts)
            {
                LogUndelivered(logger, reply.Type, conversationId, url, failure, attempt);
                return false;
            }

            await Task.Delay(delay, cancellationToken);
            delay *= 2;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reply ({Type}) to conversation {ConversationId} not delivered to {Url}: {Failure} after {Attempts} attempts")]
    private static partial void LogUndelivered(ILogger logger, string? type, string conversationId, Uri url, string failure, int attempts);
}
