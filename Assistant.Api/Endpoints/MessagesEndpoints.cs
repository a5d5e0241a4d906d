using System.Text.Json;
using Assistant.Bot.Connector;
using Assistant.Bot.Protocol;
using Assistant.Bot.Turns;

namespace Assistant.Api.Endpoints;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework endpoint. <c>expectReplies</c> answers with the replies in the body;
/// otherwise 200 at once and the replies are posted to the channel's serviceUrl.
/// </summary>
public static class MessagesEndpoints
{
    public static IEndpointRouteBuilder MapMessagesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/messages", HandleAsync).WithName("Messages").WithSummary("Bot Framework activities from a channel")
            .DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> HandleAsync(HttpRequest request, ITurnProcessor processor, ReplyDispatcher dispatcher,
        ChannelTokenValidator tokens, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
    {
        Activity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync<Activity>(request.Body, ActivityJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            return Invalid($"The body is not a valid Activity JSON: {e.Message}");
        }

        if (activity?.Type is not { Length: > 0 })
        {
            return Invalid("The activity has no type.");
        }

        if (activity.Conversation?.Id is not { Length: > 0 })
        {
            return Invalid("The activity has no conversation.id.");
        }

        var expectReplies = activity.DeliveryMode == DeliveryModes.ExpectReplies;
        // Replies go back to serviceUrl unless the channel asked for them in the response (where it is not needed).
        Uri? replyTo = null;
        if (!expectReplies && !IsHttpUrl(activity.ServiceUrl, out replyTo))
        {
            return Invalid("The activity has no valid serviceUrl to send replies to.");
        }

        var remote = request.HttpContext.Connection.RemoteIpAddress;
        if (!expectReplies && !tokens.MayReplyTo(replyTo!, callerIsLocal: remote is null || System.Net.IPAddress.IsLoopback(remote)))
        {
            return ApiProblem.Of(StatusCodes.Status403Forbidden, "serviceUrl not allowed",
                "Without channel authentication (Bot:MicrosoftAppId) replies go only to this machine or to an origin in Bot:OpenServiceUrls.");
        }

        var auth = await tokens.ValidateAsync(request.Headers.Authorization.ToString() is { Length: > 0 } h ? h : null,
            activity.ChannelId, activity.ServiceUrl, cancellationToken);
        if (!auth.Allowed)
        {
            return ApiProblem.Of(StatusCodes.Status401Unauthorized, "Unauthorized channel", auth.Problem ?? "");
        }

        if (activity.Type == ActivityTypes.Invoke || expectReplies)
        {
            var result = await processor.ProcessAsync(activity, cancellationToken);
            return result.InvokeStatus is { } status
                ? Results.StatusCode(status)
                : Results.Json(new ExpectedReplies(result.Replies), ActivityJson.Options);
        }

        _ = dispatcher.DispatchAsync(activity, lifetime.ApplicationStopping);
        return Results.Ok();
    }

    private static bool IsHttpUrl(string? url, out Uri? uri) =>
        Uri.TryCreate(url, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static IResult Invalid(string detail) => ApiProblem.Of(400, "Invalid activity", detail);
}
