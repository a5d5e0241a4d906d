using Npgsql;

namespace Assistant.Tests.Bot;

/// <summary>
/// Fresh databases for the storage and dialogue tests: a temporary SQLite file, or a new database in the PostgreSQL that
/// <c>.ci/run</c> starts (<c>ASSISTANT_TEST_POSTGRES</c>, printed by <c>.ci/postgres</c>).
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string PostgresVariable = "ASSISTANT_TEST_POSTGRES";

    public static TheoryData<string> Kinds => [Sqlite, Postgres];

    /// <summary>Configuration entries that point the bot at a new, empty database of <paramref name="kind"/>.</summary>
    public static Dictionary<string, string?> Create(string kind) => kind switch
    {
        Sqlite => new() { ["Bot:DatabasePath"] = Path.Combine(Path.GetTempPath(), $"assistant-test-{Guid.NewGuid():N}.db") },
        Postgres => new() { ["ConnectionStrings:Postgres"] = CreatePostgresDatabase() },
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    private static string CreatePostgresDatabase()
    {
        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"Set {PostgresVariable} to a PostgreSQL connection string (`.ci/postgres` starts one and prints it; `bash .ci/run` does both).");
        }

        var name = "assistant_test_" + Guid.NewGuid().ToString("N")[..12];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var create = connection.CreateCommand();
            create.CommandText = $"CREATE DATABASE {name}";
            create.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString();
    }
}
