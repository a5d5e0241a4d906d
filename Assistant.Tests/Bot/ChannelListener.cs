using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Assistant.Tests.Bot;

/// <summary>
/// A real HTTP listener on 127.0.0.1 playing a channel's side: it records what the bot POSTs to serviceUrl (and can
/// fail the first requests to exercise retries), or serves fixed documents (OpenID metadata and keys), or answers POSTs
/// to a path itself (a token endpoint).
/// </summary>
public sealed class ChannelListener : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, string> _documents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<int, string>> _answers = new(StringComparer.Ordinal);
    private readonly int _failStatus;
    private int _failuresLeft;

    /// <param name="failFirst">How many POSTs to fail before accepting.</param>
    /// <param name="failStatus">The status they fail with.</param>
    public ChannelListener(int failFirst = 0, int failStatus = 503)
    {
        _failuresLeft = failFirst;
        _failStatus = failStatus;
        Port = FreePort();
        BaseUrl = $"http://127.0.0.1:{Port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string BaseUrl { get; }

    /// <summary>Successfully received POSTs: path (decoded) and body.</summary>
    public ConcurrentQueue<(string Path, string Body)> Received { get; } = new();

    private int _attempts;

    /// <summary>Every POST, failed or not.</summary>
    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Every POST in arrival order, failed or not, with its Authorization header.</summary>
    public ConcurrentQueue<(string Path, string? Authorization)> Posts { get; } = new();

    public void Serve(string path, string json) => _documents[path] = json;

    /// <summary>POSTs to <paramref name="path"/> are recorded and answered with <paramref name="answer"/>(their number,
    /// from 1) instead of a Connector resource id.</summary>
    public void Answer(string path, Func<int, string> answer) => _answers[path] = answer;

    /// <summary>Waits until <paramref name="count"/> POSTs were received.</summary>
    public async Task<IReadOnlyList<(string Path, string Body)>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (Received.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return [.. Received];
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var response = context.Response;
            var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
            if (context.Request.HttpMethod == "GET" && _documents.TryGetValue(path, out var document))
            {
                var bytes = Encoding.UTF8.GetBytes(document);
                response.ContentType = "application/json";
                await response.OutputStream.WriteAsync(bytes);
                continue;
            }

            Interlocked.Increment(ref _attempts);
            Posts.Enqueue((path, context.Request.Headers["Authorization"]));
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            if (_answers.TryGetValue(path, out var answerFor))
            {
                Received.Enqueue((path, body));
                var bytes = Encoding.UTF8.GetBytes(answerFor(Received.Count(r => r.Path == path)));
                response.ContentType = "application/json";
                await response.OutputStream.WriteAsync(bytes);
                continue;
            }

            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                response.StatusCode = _failStatus;
                continue;
            }

            Received.Enqueue((path, body));
            response.StatusCode = 200;
            var answer = Encoding.UTF8.GetBytes($"{{\"id\":\"{Received.Count}\"}}");
            response.ContentType = "application/json";
            await response.OutputStream.WriteAsync(answer);
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
