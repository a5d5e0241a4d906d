using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.Kernel;

/// <summary>
/// A stand-in for an OpenAI-compatible chat-completions endpoint on 127.0.0.1, for contract tests: the real model
/// endpoint is a remote service unreachable here. It records each request body and replies with the next scripted
/// response in the documented wire format (a message with content, or with tool_calls); an unscripted request gets 500.
/// </summary>
public sealed class ScriptedChatServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(int Status, string Body)> _script;

    private ScriptedChatServer(WebApplication app, IEnumerable<(int, string)> script)
    {
        _app = app;
        _script = new(script);
    }

    /// <summary>The base address to configure as <c>Ai:Endpoint</c>.</summary>
    public Uri Endpoint { get; private set; } = null!;

    /// <summary>Each request: its path and parsed JSON body.</summary>
    public ConcurrentQueue<(string Path, JsonNode Body)> Requests { get; } = new();

    public static async Task<ScriptedChatServer> StartAsync(params (int Status, string Body)[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new ScriptedChatServer(app, script);
        app.MapPost("/{**path}", server.HandleAsync);
        await app.StartAsync();
        server.Endpoint = new Uri(app.Urls.Single() + "/v1/");
        return server;
    }

    /// <summary>A chat completion whose message asks for one tool call.</summary>
    public static (int, string) ToolCall(string function, object arguments) => (200, Completion(new JsonObject
    {
        ["role"] = "assistant",
        ["content"] = null,
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["id"] = "call_" + function,
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = function, ["arguments"] = JsonSerializer.Serialize(arguments) },
        }),
    }, "tool_calls"));

    /// <summary>A chat completion whose message is plain text.</summary>
    public static (int, string) Content(string text) =>
        (200, Completion(new JsonObject { ["role"] = "assistant", ["content"] = text }, "stop"));

    public static (int, string) Failure() => (500, """{"error":{"message":"scripted failure","type":"server_error"}}""");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
        Requests.Enqueue((context.Request.Path.Value ?? "", body));
        var (status, reply) = _script.TryDequeue(out var next) ? next : (500, """{"error":{"message":"unscripted request"}}""");
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply);
    }

    private static string Completion(JsonObject message, string finishReason) => new JsonObject
    {
        ["id"] = "chatcmpl-test",
        ["object"] = "chat.completion",
        ["created"] = 1_760_000_000,
        ["model"] = "test-model",
        ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = finishReason }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 5, ["total_tokens"] = 15 },
    }.ToJsonString();
}
