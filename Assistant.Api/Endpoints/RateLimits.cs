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
            limiter.AddPolicy(DirectLinePost, context => RateLimitPartition.GetFixedWindowLimiter(
                "post:" + context.Request.RouteValues["conversationId"],
                _ => Window(Options<DirectLineOptions>(context).ActivitiesPerConversationPerMinute)));
            limiter.AddPolicy(Speech, context => RateLimitPartition.GetFixedWindowLimiter(
                "speech:" + Client(context), _ => Window(Options<SpeechOptions>(context).RequestsPerClientPerMinute)));
            limiter.OnRejected = RejectAsync;
        });

    /// <summary>The client's address: the proxy's, unless forwarded headers are enabled (README).</summary>
    private static string Client(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

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
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
            detail: $"Too many requests from this client or conversation; try again in {Math.Ceiling(retryAfter.TotalSeconds)} s.")
            .ExecuteAsync(context);
    }
}
