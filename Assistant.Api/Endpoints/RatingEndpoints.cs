using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Assistant.Bot.Ratings;
using Assistant.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Assistant.Api.Endpoints;

/// <summary><c>/api/ratings/stats</c> and <c>/api/ratings/export</c>: the 好差评 figures for administrators (X-Admin-Key).</summary>
public static class RatingEndpoints
{
    public const string AdminKeyHeader = "X-Admin-Key";

    public static IEndpointRouteBuilder MapRatingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/ratings").AddEndpointFilter(RequireAdminKey);
        group.MapGet("/stats", StatsAsync).WithName("RatingStats").WithSummary("好差评 counts, 好评率, open and overdue cases");
        group.MapGet("/export", ExportAsync).WithName("RatingExport").WithSummary("All ratings as CSV");
        return app;
    }

    private static async Task<IResult> StatsAsync(IBotStore store, RatingService ratings, CancellationToken cancellationToken)
    {
        var all = await store.ListRatingsAsync(cancellationToken);
        var cases = await store.ListCasesAsync(cancellationToken);
        return Results.Ok(RatingStatistics.From(all, cases, ratings.Today));
    }

    private static async Task<IResult> ExportAsync(IBotStore store, CancellationToken cancellationToken)
    {
        var csv = new StringBuilder("id,conversation_id,service_id,province,channel,level,level_name,reasons,text,created_at\n");
        foreach (var r in await store.ListRatingsAsync(cancellationToken))
        {
            string[] cells = [r.Id, r.ConversationId, r.ServiceId, r.Province ?? "", r.Channel, r.Level.ToString(CultureInfo.InvariantCulture),
                RatingService.Level(r.Level), string.Join("、", r.Reasons), r.Text ?? "", r.CreatedAt.ToString("O", CultureInfo.InvariantCulture)];
            csv.AppendJoin(',', cells.Select(Cell)).Append('\n');
        }

        // A byte-order mark so spreadsheet programs read the Chinese text as UTF-8.
        return Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(),
            "text/csv; charset=utf-8", "ratings.csv");
    }

    // RFC 4180 quoting, and a leading apostrophe so a cell can never run as a spreadsheet formula.
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static async ValueTask<object?> RequireAdminKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var configured = context.HttpContext.RequestServices.GetRequiredService<IOptions<RatingOptions>>().Value.AdminKey;
        var sent = context.HttpContext.Request.Headers[AdminKeyHeader].ToString();
        if (string.IsNullOrEmpty(configured) || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(configured),
                Encoding.UTF8.GetBytes(sent)))
        {
            return ApiProblem.Of(StatusCodes.Status401Unauthorized, "Admin key required", string.IsNullOrEmpty(configured)
                ? "No admin key is configured (Ratings:AdminKey), so rating statistics are closed."
                : $"Send the admin key in the {AdminKeyHeader} header.");
        }

        return await next(context);
    }
}
