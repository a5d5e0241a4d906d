using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Assistant.Bot.Storage;

/// <summary>The bot's storage on SQLite or PostgreSQL: one set of SQL statements, one behaviour on both.</summary>
public sealed class SqlBotStore(SqlDialect dialect) : IBotStore
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffzzz";

    public string DatabaseKind => dialect.Name;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"""
            CREATE TABLE IF NOT EXISTS conversation_state (
                state_key TEXT PRIMARY KEY, etag TEXT NOT NULL, state TEXT NOT NULL, updated_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS transcript (
                seq {dialect.SerialKey}, conversation_id TEXT NOT NULL, direction TEXT NOT NULL,
                activity TEXT NOT NULL, at TEXT NOT NULL);
            CREATE INDEX IF NOT EXISTS transcript_conversation ON transcript (conversation_id, seq);
            CREATE TABLE IF NOT EXISTS rating (
                id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, service_id TEXT NOT NULL, province TEXT,
                channel TEXT NOT NULL, level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5), reasons TEXT NOT NULL,
                text TEXT, created_at TEXT NOT NULL, UNIQUE (conversation_id, service_id));
            CREATE TABLE IF NOT EXISTS follow_up_case (
                id TEXT PRIMARY KEY, kind TEXT NOT NULL, rating_id TEXT, conversation_id TEXT NOT NULL, service_id TEXT,
                province TEXT, summary TEXT NOT NULL, due_date TEXT NOT NULL, created_at TEXT NOT NULL, status TEXT NOT NULL);
            """, [], cancellationToken);
    }

    public async Task<StoredState?> ReadStateAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT state, etag FROM conversation_state WHERE state_key = @key",
            ("key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new StoredState(reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task<string> WriteStateAsync(string key, string json, string? expectedETag, CancellationToken cancellationToken)
    {
        var etag = Guid.NewGuid().ToString("N");
        var now = Now();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        var changed = expectedETag is null
            ? await ExecuteAsync(connection, null, """
                INSERT INTO conversation_state (state_key, etag, state, updated_at) VALUES (@key, @etag, @state, @now)
                ON CONFLICT (state_key) DO NOTHING
                """, [("key", key), ("etag", etag), ("state", json), ("now", now)], cancellationToken)
            : await ExecuteAsync(connection, null, """
                UPDATE conversation_state SET etag = @etag, state = @state, updated_at = @now
                WHERE state_key = @key AND etag = @expected
                """, [("key", key), ("etag", etag), ("state", json), ("now", now), ("expected", expectedETag)], cancellationToken);
        return changed == 1 ? etag : throw new ETagConflictException(key);
    }

    public async Task DeleteStateAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "DELETE FROM conversation_state WHERE state_key = @key", [("key", key)],
            cancellationToken);
    }

    public async Task AppendTranscriptAsync(IReadOnlyList<TranscriptEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var entry in entries)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO transcript (conversation_id, direction, activity, at) VALUES (@conversation, @direction, @activity, @at)
                """, [("conversation", entry.ConversationId), ("direction", entry.Direction), ("activity", entry.ActivityJson),
                    ("at", Format(entry.At))], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<TranscriptEntry>> ReadTranscriptAsync(string conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT conversation_id, direction, activity, at FROM transcript WHERE conversation_id = @conversation ORDER BY seq
            """, ("conversation", conversationId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<TranscriptEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new TranscriptEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), Parse(reader.GetString(3))));
        }

        return entries;
    }

    public async Task<bool> AddRatingAsync(RatingRecord rating, FollowUpCase? followUp, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = await ExecuteAsync(connection, transaction, """
            INSERT INTO rating (id, conversation_id, service_id, province, channel, level, reasons, text, created_at)
            VALUES (@id, @conversation, @service, @province, @channel, @level, @reasons, @text, @created)
            ON CONFLICT (conversation_id, service_id) DO NOTHING
            """, [("id", rating.Id), ("conversation", rating.ConversationId), ("service", rating.ServiceId),
                ("province", rating.Province), ("channel", rating.Channel), ("level", rating.Level),
                ("reasons", JsonSerializer.Serialize(rating.Reasons)), ("text", rating.Text), ("created", Format(rating.CreatedAt))], cancellationToken);
        if (inserted == 0)
        {
            return false;
        }

        if (followUp is not null)
        {
            await InsertCaseAsync(connection, transaction, followUp, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> HasRatingAsync(string conversationId, string serviceId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT COUNT(*) FROM rating WHERE conversation_id = @conversation AND service_id = @service",
            ("conversation", conversationId), ("service", serviceId));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) > 0;
    }

    public async Task AddCaseAsync(FollowUpCase followUp, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await InsertCaseAsync(connection, null, followUp, cancellationToken);
    }

    public async Task<IReadOnlyList<RatingRecord>> ListRatingsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, """
            SELECT id, conversation_id, service_id, province, channel, level, reasons, text, created_at FROM rating ORDER BY created_at, id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var ratings = new List<RatingRecord>();
        while (await reader.ReadAsync(cancellationToken))
        {
            ratings.Add(new RatingRecord(reader.GetString(0), reader.GetString(1), reader.GetString(2), NullableString(reader, 3),
                reader.GetString(4), Convert.ToInt32(reader.GetValue(5), CultureInfo.InvariantCulture),
                JsonSerializer.Deserialize<string[]>(reader.GetString(6)) ?? [], NullableString(reader, 7), Parse(reader.GetString(8))));
        }

        return ratings;
    }

    public async Task<IReadOnlyList<FollowUpCase>> ListCasesAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {CaseColumns} FROM follow_up_case ORDER BY created_at, id");
        return await ReadCasesAsync(command, cancellationToken);
    }

    public async Task<FollowUpCase?> FindCaseAsync(string conversationId, string kind, string summary, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        // created_at is fixed-width UTC text, so it compares as it sorts.
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"""
            SELECT {CaseColumns} FROM follow_up_case
            WHERE conversation_id = @conversation AND kind = @kind AND summary = @summary AND created_at >= @since
            ORDER BY created_at DESC, id DESC LIMIT 1
            """, ("conversation", conversationId), ("kind", kind), ("summary", summary), ("since", Format(since)));
        return (await ReadCasesAsync(command, cancellationToken)).FirstOrDefault();
    }

    private const string CaseColumns = "id, kind, rating_id, conversation_id, service_id, province, summary, due_date, created_at, status";

    private static async Task<List<FollowUpCase>> ReadCasesAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var cases = new List<FollowUpCase>();
        while (await reader.ReadAsync(cancellationToken))
        {
            cases.Add(new FollowUpCase(reader.GetString(0), reader.GetString(1), NullableString(reader, 2), reader.GetString(3),
                NullableString(reader, 4), NullableString(reader, 5), reader.GetString(6),
                DateOnly.ParseExact(reader.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture), Parse(reader.GetString(8)),
                reader.GetString(9)));
        }

        return cases;
    }

    private static Task<int> InsertCaseAsync(DbConnection connection, DbTransaction? transaction, FollowUpCase followUp,
        CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, """
            INSERT INTO follow_up_case (id, kind, rating_id, conversation_id, service_id, province, summary, due_date, created_at, status)
            VALUES (@id, @kind, @rating, @conversation, @service, @province, @summary, @due, @created, @status)
            """, [("id", followUp.Id), ("kind", followUp.Kind), ("rating", followUp.RatingId),
                ("conversation", followUp.ConversationId), ("service", followUp.ServiceId), ("province", followUp.Province),
                ("summary", followUp.Summary), ("due", followUp.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("created", Format(followUp.CreatedAt)), ("status", followUp.Status)], cancellationToken);

    private static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql,
        (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static string? NullableString(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string Now() => Format(DateTimeOffset.UtcNow);

    private static string Format(DateTimeOffset time) => time.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
