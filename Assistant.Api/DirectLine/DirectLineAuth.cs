using Assistant.Api.Endpoints;
using Microsoft.Net.Http.Headers;

namespace Assistant.Api.DirectLine;

/// <summary>
/// Checks the bearer token of a Direct Line call: 401 when it is missing or not ours, 403 when it expired or belongs to
/// another conversation (directlinejs treats 403 as "expired token" and stops retrying).
/// </summary>
public static class DirectLineAuth
{
    public static bool TryAuthorize(HttpContext context, DirectLineTokenService tokens, string? conversationId,
        out DirectLineToken? token, out string rawToken, out IResult? problem)
    {
        rawToken = BearerToken(context.Request) ?? "";
        problem = null;
        switch (tokens.Check(rawToken, DirectLineToken.Conversation, out token))
        {
            case TokenCheck.Invalid:
                context.Response.Headers.WWWAuthenticate = "Bearer";
                problem = ApiProblem.Of(401, "Unauthorized", "Send 'Authorization: Bearer <token>' with a token from POST /v3/directline/tokens/generate.");
                return false;
            case TokenCheck.Expired:
                problem = ApiProblem.Of(403, "Token expired", "The token has expired; start a new conversation.");
                return false;
        }

        if (conversationId is not null && !string.Equals(token!.ConversationId, conversationId, StringComparison.Ordinal))
        {
            problem = ApiProblem.Of(403, "Forbidden", "The token does not grant access to this conversation.");
            return false;
        }

        return true;
    }


    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        const string Scheme = "Bearer ";
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) ? header[Scheme.Length..].Trim() : null;
    }
}
