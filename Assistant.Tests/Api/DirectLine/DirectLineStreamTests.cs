using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Assistant.Tests.Api.DirectLine;

/// <summary>The WebSocket stream through TestServer: history replayed on open, new activities pushed, keep-alives, auth.</summary>
[Collection(DirectLineGroup.Name)]
public sealed class DirectLineStreamTests(DirectLineApiFactory factory)
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task OpeningTheStreamReplaysTheWelcomeThenPushesEchoAndReply()
    {
        var client = new DirectLineClient(await factory.ReadyClientAsync());
        var conversation = await client.StartAsync();

        using var socket = await ConnectAsync(conversation.StreamUrl);
        var replayed = await ReceiveActivitiesAsync(socket, 1);
        Assert.Contains("导办助手", replayed[0].GetProperty("text").GetString(), StringComparison.Ordinal);

        using (await client.PostTextAsync(conversation.Id, conversation.Token, "我想办社保卡"))
        {
        }

        var pushed = await ReceiveActivitiesAsync(socket, 2);
        Assert.Equal("我想办社保卡", pushed[0].GetProperty("text").GetString());
        Assert.Contains("社会保障卡", pushed[1].GetProperty("text").GetString(), StringComparison.Ordinal);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
    }

    [Fact]
    public async Task ReconnectingFromAWatermarkReplaysOnlyWhatCameAfterIt()
    {
        var client = new DirectLineClient(await factory.ReadyClientAsync());
        var conversation = await client.StartAsync();
        using (await client.PostTextAsync(conversation.Id, conversation.Token, "我想办社保卡"))
        {
        }

        using var reconnect = await client.SendAsync(HttpMethod.Get, $"/conversations/{conversation.Id}?watermark=1", conversation.Token);
        var streamUrl = JsonDocument.Parse(await reconnect.Content.ReadAsStringAsync()).RootElement.GetProperty("streamUrl").GetString()!;
        using var socket = await ConnectAsync(streamUrl);
        var replayed = await ReceiveActivitiesAsync(socket, 2);

        Assert.Equal("我想办社保卡", replayed[0].GetProperty("text").GetString());
        Assert.Equal(conversation.Id + "|0000003", replayed[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task AnIdleStreamSendsEmptyKeepAliveFramesAndIgnoresTheClients()
    {
        var client = new DirectLineClient(await factory.ReadyClientAsync());
        var conversation = await client.StartAsync();
        using var socket = await ConnectAsync(conversation.StreamUrl);
        await ReceiveActivitiesAsync(socket, 1);

        await socket.SendAsync(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Text, true, CancellationToken.None);
        var frame = await ReceiveFrameAsync(socket);

        Assert.Equal("", frame);
        Assert.Equal(WebSocketState.Open, socket.State);
    }

    [Fact]
    public async Task AStreamUrlOfAnotherConversationOrATamperedOneIsRefused()
    {
        var client = new DirectLineClient(await factory.ReadyClientAsync());
        var a = await client.StartAsync();
        var b = await client.StartAsync();

        var crossed = b.StreamUrl.Replace(b.Id, a.Id, StringComparison.Ordinal);
        var tampered = a.StreamUrl.Replace("t=ey", "t=xx", StringComparison.Ordinal);

        Assert.Contains("403", (await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(crossed))).Message, StringComparison.Ordinal);
        Assert.Contains("401", (await Assert.ThrowsAnyAsync<Exception>(() => ConnectAsync(tampered))).Message, StringComparison.Ordinal);
    }

    private async Task<WebSocket> ConnectAsync(string streamUrl)
    {
        using var timeout = new CancellationTokenSource(s_wait);
        return await factory.Server.CreateWebSocketClient().ConnectAsync(new Uri(streamUrl), timeout.Token);
    }

    /// <summary>Reads ActivitySet frames (skipping keep-alives) until <paramref name="count"/> activities have arrived.</summary>
    private static async Task<List<JsonElement>> ReceiveActivitiesAsync(WebSocket socket, int count)
    {
        var activities = new List<JsonElement>();
        while (activities.Count < count)
        {
            var frame = await ReceiveFrameAsync(socket);
            if (frame.Length > 0)
            {
                activities.AddRange(JsonDocument.Parse(frame).RootElement.GetProperty("activities").EnumerateArray());
            }
        }

        return activities;
    }

    private static async Task<string> ReceiveFrameAsync(WebSocket socket)
    {
        using var timeout = new CancellationTokenSource(s_wait);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }
}
