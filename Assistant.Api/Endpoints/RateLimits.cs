using System.Globalization;
using System.Threading.RateLimiting;
using Assistant.Api.DirectLine;
using Assistant.Bot.Speech;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Endpoints;

/// <summary>
/// Rate limits of the public endpoints that create state or cost CPU: starting Direct Line conversations per client
/// address, posting per conversation (<see cref="DirectLineOptions"/>), and speech per client address
/// (<see cref="SpeechOptions.RequestsPerClientPerMinute"/>). Fixed one-minute windows, no queueing. A refused request
/// gets 429 problem details with Retry-After; nothing already stored is touched.
/// </summary>
public static class RateLimits
{
    public const string DirectLineStart = "directline-start";
    public const string DirectLinePost = "directline-post";
    public const string Speech = "speech";

    public static IServiceCollection AddAssistantRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(DirectLineStart, context => RateLimitPartition.GetFixedWindowLimiter(
                "start:" + Client(context), _ => Window(Options<DirectLineOptions>(context).ConversationsPerClientPerMinute)));
            // Posting: per conversation, and chained in front of it per client address over all its conversations.
            // A refusal by either costs nothing stored: the limiter runs before the endpoint reads the body.
            limiter.AddPolicy(DirectLinePost, context => RateLimitPartition.GetFixedWindowLimiter(
                "post:" + context.Request.RouteValues["conversationId"],
                _ => Window(Options<DirectLineOptions>(context).ActivitiesPerConversationPerMinute)));
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == DirectLinePost
                    ? RateLimitPartition.GetFixedWindowLimiter("post-client:" + Client(context),
                        _ => Window(Options<DirectLineOptions>(context).ActivitiesPerClientPerMinute))
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.AddPolicy(Speech, context => RateLimitPartition.GetFixedWindowLimiter(
                "speech:" + Client(context), _ => Window(Options<SpeechOptions>(context).RequestsPerClientPerMinute)));
            limiter.OnRejected = RejectAsync;
        });

    /// <summary>
    /// The client's address as a limiter key: IPv4 as is (also when IPv4-mapped), IPv6 by its /64, the block one
    /// subscriber usually gets, so rotating addresses inside it gains nothing. Behind a proxy this is the proxy's
    /// address unless forwarded headers are enabled (README).
    /// </summary>
    private static string Client(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    private static T Options<T>(HttpContext context) where T : class =>
        context.RequestServices.GetRequiredService<IOptions<T>>().Value;

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = permits,
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = (int)Math.Ceiling((rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1)).TotalSeconds);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await ApiProblem.Of(StatusCodes.Status429TooManyRequests, "Too many requests",
            $"Too many requests from this client or conversation; try again in {seconds} s.").ExecuteAsync(context);
    }
}
