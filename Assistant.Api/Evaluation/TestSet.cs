using System.Text.Json;

namespace Assistant.Api.Evaluation;

/// <summary>One case of a test set (../shared/eval/FORMAT.md), or a held-out training example in cross-validation.</summary>
/// <param name="Source">The file the case is from, when a report spans several (cross-validation); null for a test set.</param>
public sealed record TestCase(int Line, string Text, string? Service, string? Intent, string? Province, string? ToProvince, string Channel,
    string? Source = null)
{
    /// <summary>The expected label: the service id, or the non-service intent.</summary>
    public string Expected => Service ?? Intent!;
}

/// <summary>Reads a JSON Lines test set, collecting every malformed line with its number instead of skipping it.</summary>
public static class TestSet
{
    private static readonly HashSet<string> s_intents =
        ["greeting", "goodbye", "thanks", "human_agent", "complaint", "progress_query", "out_of_scope"];

    private static readonly HashSet<string> s_channels = ["text", "voice", "hotline"];

    public static (List<TestCase> Cases, List<string> Errors) Read(string path, Func<string, bool> isService)
    {
        var cases = new List<TestCase>();
        var errors = new List<string>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                var text = Get(root, "text");
                var service = Get(root, "service");
                var intent = Get(root, "intent");
                var channel = Get(root, "channel") ?? "text";
                var problem = string.IsNullOrWhiteSpace(text) ? "missing \"text\""
                    : (service is null) == (intent is null) ? "needs exactly one of \"service\" or \"intent\""
                    : service is not null && !isService(service) ? $"unknown service id \"{service}\""
                    : intent is not null && !s_intents.Contains(intent) ? $"unknown intent \"{intent}\""
                    : !s_channels.Contains(channel) ? $"unknown channel \"{channel}\""
                    : null;
                if (problem is not null)
                {
                    errors.Add($"line {number}: {problem}");
                    continue;
                }

                cases.Add(new TestCase(number, text!, service, intent, Get(root, "province"), Get(root, "to_province"), channel));
            }
            catch (JsonException ex)
            {
                errors.Add($"line {number}: not valid JSON ({ex.Message})");
            }
            catch (InvalidOperationException)
            {
                errors.Add($"line {number}: expected a JSON object with string fields");
            }
        }

        return (cases, errors);
    }

    private static string? Get(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;
}
