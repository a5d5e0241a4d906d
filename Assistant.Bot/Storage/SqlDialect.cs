using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Assistant.Bot.Storage;

/// <summary>
/// What differs between the two databases: how to open a connection and what to run first. The SQL itself is shared
/// (both accept <c>@name</c> parameters and <c>ON CONFLICT … DO NOTHING</c>), so both stores behave the same.
/// </summary>
public abstract class SqlDialect
{
    public abstract string Name { get; }

    public abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>An auto-increment primary key column.</summary>
    public abstract string SerialKey { get; }
}

/// <summary>SQLite: a file under the app data folder, WAL journal, fully synced commits so an acknowledged rating survives a kill.</summary>
public sealed class SqliteDialect : SqlDialect
{
    private readonly string _connectionString;

    public SqliteDialect(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        FilePath = path;
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        wal.ExecuteNonQuery();
    }

    public string FilePath { get; }

    public override string Name => "sqlite";

    public override string SerialKey => "INTEGER PRIMARY KEY AUTOINCREMENT";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}

/// <summary>PostgreSQL through one pooled Npgsql data source.</summary>
public sealed class PostgresDialect(NpgsqlDataSource dataSource) : SqlDialect
{
    public override string Name => "postgresql";

    public override string SerialKey => "BIGSERIAL PRIMARY KEY";

    public override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await dataSource.OpenConnectionAsync(cancellationToken);
}
