namespace Assistant.Api.Endpoints;

/// <summary><c>GET /health</c>: 200 once the catalog and index are ready, 503 before (or when loading failed).</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", (Readiness readiness) => readiness.IsReady
                ? Results.Ok(new { status = "ready", startup_ms = (int)readiness.StartUp.TotalMilliseconds })
                : ApiProblem.Of(503, readiness.Failure is null ? "Starting" : "Failed to start",
                    readiness.Failure ?? "The catalog and index are still loading."))
            .WithName("Health");
        return app;
    }
}
