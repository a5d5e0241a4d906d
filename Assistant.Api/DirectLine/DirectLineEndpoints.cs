using System.Globalization;
using Assistant.Api.Endpoints;
using Assistant.Bot.Protocol;
using Microsoft.Extensions.Options;

namespace Assistant.Api.DirectLine;

/// <summary>
/// The Direct Line 3.0 REST API that botframework-directlinejs (inside Web Chat) speaks, under <c>/v3/directline</c>
/// (directline-3.0.json). Every conversation call needs a token for that conversation; the stream is in
/// <see cref="DirectLineStreaming"/>.
/// </summary>
public static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";

    public static IEndpointRouteBuilder MapDirectLineEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Direct Line");
        group.MapPost("/tokens/generate", Generate).WithName("DirectLineGenerateToken");
        group.MapPost("/tokens/refresh", Refresh).WithName("DirectLineRefreshToken");
        group.MapPost("/conversations", StartAsync).WithName("DirectLineStartConversation")
            .RequireRateLimiting(RateLimits.DirectLineStart);
        group.MapGet("/conversations/{conversationId}", Reconnect).WithName("DirectLineReconnect");
        group.MapGet("/conversations/{conversationId}/activities", GetActivities).WithName("DirectLineGetActivities");
        group.MapPost("/conversations/{conversationId}/activities", PostAsync).WithName("DirectLinePostActivity")
            .RequireRateLimiting(RateLimits.DirectLinePost);
        group.MapGet("/conversations/{conversationId}/stream", DirectLineStreaming.RunAsync).WithName("DirectLineStreaming");
        return app;
    }

    /// <summary>Open, like the page it serves: a token for a new conversation id. Stateless, so it costs no memory.</summary>
    private static IResult Generate(DirectLineTokenService tokens)
    {
        var id = DirectLineConversations.NewId();
        return Json(new ConversationResponse(id, tokens.Issue(id), (int)tokens.Lifetime.TotalSeconds));
    }

    private static IResult Refresh(HttpContext context, DirectLineTokenService tokens)
    {
        if (!DirectLineAuth.TryAuthorize(context, tokens, null, out var token, out _, out var problem))
        {
            return problem!;
        }

        return Json(new ConversationResponse(token!.ConversationId, tokens.Issue(token.ConversationId), (int)tokens.Lifetime.TotalSeconds));
    }

    private static async Task<IResult> StartAsync(HttpContext context, DirectLineTokenService tokens,
        DirectLineConversations conversations, DirectLineChannel channel)
    {
        if (!DirectLineAuth.TryAuthorize(context, tokens, null, out var token, out var raw, out var problem))
        {
            return problem!;
        }

        var (body, bodyProblem) = await DirectLineRequests.ReadJsonAsync<StartConversationRequest>(context.Request, required: false);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var userId = body?.User?.Id;
        if (userId?.StartsWith("dl_", StringComparison.Ordinal) == true || userId?.Length > 64)
        {
            return DirectLineRequests.BadRequest("user.id must be at most 64 characters and not start with 'dl_' (reserved by Direct Line).");
        }

        var user = new ChannelAccount(string.IsNullOrWhiteSpace(userId) ? "user-" + DirectLineConversations.NewId() : userId,
            body?.User?.Name, "user");
        var conversation = conversations.GetOrStart(token!.ConversationId, user, out var started);
        if (conversation is null)
        {
            return ApiProblem.Of(503, "Busy", "Too many open conversations; try again in a few minutes.");
        }

        if (started)
        {
            await channel.StartAsync(conversation, body?.Locale);
        }

        var response = new ConversationResponse(conversation.Id, raw, tokens.SecondsLeft(token),
            DirectLineStreaming.Url(context.Request, tokens, conversation.Id, 0));
        return Json(response, started ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>Reconnect: a fresh streamUrl that replays from the client's watermark.</summary>
    private static IResult Reconnect(HttpContext context, string conversationId, string? watermark,
        DirectLineTokenService tokens, DirectLineConversations conversations)
    {
        if (Authorize(context, tokens, conversations, conversationId, out var token, out var raw) is { } problem)
        {
            return problem;
        }

        if (!DirectLineRequests.TryParseWatermark(watermark, out var position))
        {
            return DirectLineRequests.BadRequest("watermark must be one returned by this server.");
        }

        return Json(new ConversationResponse(conversationId, raw, tokens.SecondsLeft(token!),
            DirectLineStreaming.Url(context.Request, tokens, conversationId, position)));
    }

    private static IResult GetActivities(HttpContext context, string conversationId, string? watermark,
        DirectLineTokenService tokens, DirectLineConversations conversations, IOptions<DirectLineOptions> options)
    {
        if (Authorize(context, tokens, conversations, conversationId, out _, out _) is { } problem)
        {
            return problem;
        }

        if (!DirectLineRequests.TryParseWatermark(watermark, out var position))
        {
            return DirectLineRequests.BadRequest("watermark must be one returned by this server.");
        }

        var (activities, next) = conversations.Find(conversationId)!.Read(position, options.Value.PageSize);

        // typing is WebSocket-only (receive-activities.md); the watermark still moves past it.
        return Json(new ActivitySet([.. activities.Where(a => a.Type != ActivityTypes.Typing)], next.ToString(CultureInfo.InvariantCulture)));
    }

    private static async Task<IResult> PostAsync(HttpContext context, string conversationId, DirectLineTokenService tokens,
        DirectLineConversations conversations, DirectLineChannel channel)
    {
        if (Authorize(context, tokens, conversations, conversationId, out _, out _) is { } problem)
        {
            return problem;
        }

        var (activity, bodyProblem) = await DirectLineRequests.ReadJsonAsync<Activity>(context.Request, required: true);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var conversation = conversations.Find(conversationId)!;
        if (channel.IsFull(conversation))
        {
            return ApiProblem.Of(429, "Conversation too long", "This conversation has reached its limit; please start a new one.");
        }

        return activity!.Type switch
        {
            ActivityTypes.Message or ActivityTypes.Event => Json(new ResourceResponse((await channel.PostAsync(conversation, activity)).Posted.Id!)),
            ActivityTypes.Typing => Json(new ResourceResponse(channel.Relay(conversation, activity).Id!)),

            // Web Chat may announce itself with a conversationUpdate; the bot already had one when the conversation started.
            ActivityTypes.ConversationUpdate => Json(new ResourceResponse(conversation.NextId())),
            null or "" => DirectLineRequests.BadRequest("The activity needs a type, such as \"message\"."),
            _ => DirectLineRequests.BadRequest($"Activities of type '{activity.Type}' are not accepted here."),
        };
    }

    /// <summary>Token for this conversation, and the conversation must exist (404 when it ended or was forgotten).</summary>
    private static IResult? Authorize(HttpContext context, DirectLineTokenService tokens, DirectLineConversations conversations,
        string conversationId, out DirectLineToken? token, out string raw)
    {
        if (!DirectLineAuth.TryAuthorize(context, tokens, conversationId, out token, out raw, out var problem))
        {
            return problem;
        }

        return conversations.Find(conversationId) is null
            ? ApiProblem.Of(404, "Conversation not found", "The conversation has ended or was never started.")
            : null;
    }

    private static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Json(value, ActivityJson.Options, statusCode: status);
}
