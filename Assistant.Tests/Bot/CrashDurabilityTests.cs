using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Assistant.Tests.Bot;

/// <summary>
/// A rating acknowledged to the citizen survives the server being killed at once (SIGKILL, no shutdown): the real
/// server process, its SQLite file, a kill, a restart on the same file.
/// </summary>
public sealed class CrashDurabilityTests : IDisposable
{
    private const string AdminKey = "durability-key";
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"assistant-crash-{Guid.NewGuid():N}.db");
    private Process? _server;

    [Fact]
    public async Task AnAcknowledgedRatingIsStillThereAfterAKill()
    {
        var port = FreePort();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        _server = await StartAsync(port, http);
        await SayAsync(http, "我想在杭州补办身份证");

        var acknowledged = await SayAsync(http, "非常满意");
        Assert.Contains("感谢您的评价（非常满意），已记录", acknowledged);
        _server.Kill(entireProcessTree: true);
        await _server.WaitForExitAsync();

        _server = await StartAsync(port, http);
        using var request = new HttpRequestMessage(HttpMethod.Get, "api/ratings/export");
        request.Headers.Add("X-Admin-Key", AdminKey);
        using var export = await http.SendAsync(request);
        var csv = await export.Content.ReadAsStringAsync();
        Assert.Contains(",crash,id-card-reissue,33,test,5,非常满意,", csv);
    }

    private async Task<Process> StartAsync(int port, HttpClient http)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Assistant.Api.dll"), "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["Bot__DatabasePath"] = _database;
        start.Environment["Search__ArtifactsPath"] = AssistantFixture.ArtifactsPath;
        start.Environment["Ratings__AdminKey"] = AdminKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 1800; attempt++)
        {
            try
            {
                using var health = await http.GetAsync("health");
                if (health.IsSuccessStatusCode)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            Assert.False(process.HasExited, "the server exited during start-up");
            await Task.Delay(100);
        }

        throw new TimeoutException("the server did not become ready within 180 s");
    }

    private static async Task<string> SayAsync(HttpClient http, string text)
    {
        using var response = await http.PostAsJsonAsync("api/messages", new
        {
            type = "message", id = Guid.NewGuid().ToString("N"), channelId = "test", from = new { id = "u" },
            recipient = new { id = "assistant" }, conversation = new { id = "crash" }, text, deliveryMode = "expectReplies",
        });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return string.Concat(body.GetProperty("activities").EnumerateArray().Select(a => a.TryGetProperty("text", out var t) ? t.GetString() : ""));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(System.Net.IPAddress.Loopback, 0);
        socket.Start();
        return ((System.Net.IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
        }

        _server?.Dispose();
    }
}
