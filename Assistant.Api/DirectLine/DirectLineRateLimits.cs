using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Assistant.Api.DirectLine;

/// <summary>
/// Rate limits of the public Direct Line endpoints (<see cref="DirectLineOptions.ConversationsPerClientPerMinute"/>,
/// <see cref="DirectLineOptions.ActivitiesPerConversationPerMinute"/>): fixed one-minute windows, no queueing. A refused
/// request gets 429 problem details with Retry-After; nothing already stored is touched.
/// </summary>
public static class DirectLineRateLimits
{
    public const string StartPolicy = "directline-start";
    public const string PostPolicy = "directline-post";

    public static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(StartPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                "client:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown"),
                _ => Window(Options(context).ConversationsPerClientPerMinute)));
            limiter.AddPolicy(PostPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                "conversation:" + context.Request.RouteValues["conversationId"],
                _ => Window(Options(context).ActivitiesPerConversationPerMinute)));
            limiter.OnRejected = RejectAsync;
        });

    private static DirectLineOptions Options(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<DirectLineOptions>>().Value;

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
