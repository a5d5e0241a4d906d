using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.SemanticKernel;

namespace Assistant.Api.Endpoints;

/// <summary>
/// <c>GET /api/plugins</c>: the assistant's kernel functions with their descriptions and JSON schemas, so an operator's
/// own agent can offer them as tools. Listing only: calls go through the operator's kernel, not this endpoint.
/// </summary>
public static class PluginEndpoints
{
    public static IEndpointRouteBuilder MapPluginEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/plugins", List).WithName("Plugins").WithSummary("The assistant's kernel functions and their JSON schemas");
        return app;
    }

    private static Ok<PluginList> List(Kernel kernel) => TypedResults.Ok(new PluginList(
        [.. kernel.Plugins.Select(plugin => new PluginInfo(plugin.Name, plugin.Description,
            [.. plugin.GetFunctionsMetadata().Select(FunctionInfo.From)]))]));
}

internal sealed record PluginList(IReadOnlyList<PluginInfo> Plugins);

internal sealed record PluginInfo(string Name, string? Description, IReadOnlyList<FunctionInfo> Functions);

/// <param name="InputSchema">All parameters as one JSON object schema, the shape tool-calling APIs expect.</param>
internal sealed record FunctionInfo(string Name, string Description, IReadOnlyList<ParameterInfo> Parameters, JsonObject InputSchema,
    ReturnInfo Returns)
{
    public static FunctionInfo From(KernelFunctionMetadata function)
    {
        var properties = new JsonObject();
        foreach (var parameter in function.Parameters)
        {
            properties[parameter.Name] = parameter.Schema is { } schema ? JsonSerializer.SerializeToNode(schema.RootElement) : new JsonObject();
        }

        var input = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. function.Parameters.Where(p => p.IsRequired).Select(p => JsonValue.Create(p.Name))]),
        };
        return new FunctionInfo(function.Name, function.Description,
            [.. function.Parameters.Select(p => new ParameterInfo(p.Name, p.Description, p.IsRequired, p.DefaultValue, p.Schema?.RootElement))],
            input, new ReturnInfo(function.ReturnParameter.Description, function.ReturnParameter.Schema?.RootElement));
    }
}

internal sealed record ParameterInfo(string Name, string Description, bool Required, object? Default, JsonElement? Schema);

internal sealed record ReturnInfo(string Description, JsonElement? Schema);
