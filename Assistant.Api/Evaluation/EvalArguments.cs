namespace Assistant.Api.Evaluation;

/// <summary>The eval command's arguments.</summary>
internal sealed record EvalArguments
{
    public string? TestSetPath { get; init; }
    public string? JsonPath { get; init; }
    public string? ReportDirectory { get; init; }
    public string? TunePath { get; init; }
    public int? CrossValidateFolds { get; init; }
    public bool SearchOnly { get; init; }
    public Dictionary<string, string?> Overrides { get; } = new(StringComparer.OrdinalIgnoreCase);
    public string? Error { get; init; }

    public static EvalArguments Parse(string[] args)
    {
        var parsed = new EvalArguments();
        for (var i = 0; i < args.Length; i++)
        {
            string? Next() => i + 1 < args.Length ? args[++i] : null;
            parsed = args[i] switch
            {
                "--json" => parsed with { JsonPath = Next() ?? "" },
                "--report" => parsed with { ReportDirectory = Next() ?? "" },
                "--tune" => parsed with { TunePath = Next() ?? "" },
                "--search-only" => parsed with { SearchOnly = true },
                "--cross-validate" => int.TryParse(Next(), out var k) && k >= 2
                    ? parsed with { CrossValidateFolds = k }
                    : parsed with { Error = "--cross-validate takes a number of folds of at least 2" },
                var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('=', StringComparison.Ordinal)
                    => parsed.WithOverride(setting[2..]),
                var unknown when unknown.StartsWith('-') => parsed with { Error = $"unknown option {unknown}" },
                var path when parsed.TestSetPath is null => parsed with { TestSetPath = path },
                var extra => parsed with { Error = $"unexpected argument {extra}" },
            };
        }

        if (parsed.Error is not null || parsed.CrossValidateFolds is not null)
        {
            return parsed;
        }

        if (parsed.TestSetPath is null)
        {
            return parsed with { Error = "a test set file is required" };
        }

        if (!File.Exists(parsed.TestSetPath))
        {
            return parsed with { Error = $"no such file: {parsed.TestSetPath}" };
        }

        return parsed.JsonPath is null && parsed.TunePath is null ? parsed with { Error = "--json <out.json> is required" } : parsed;
    }

    /// <summary>--Search:ArtifactsPath=/tmp/x style configuration overrides (as dotnet's command-line configuration).</summary>
    private EvalArguments WithOverride(string setting)
    {
        var split = setting.Split('=', 2);
        Overrides[split[0]] = split[1];
        return this;
    }
}
