using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace ServeWell.Bench;

/// <summary>
/// A lean HTTP/1.1 load client over keep-alive sockets, in the spirit of wrk and pgbench: requests are prepared bytes,
/// responses are read just far enough to know their status and length. On 2 cores the load generator shares the
/// machine with the app and the database; HttpClient spent about a quarter of what the app did per request, which
/// pgbench's own client does not, so the ratios to pgbench would have measured the client as much as the app.
/// </summary>
internal sealed class RawHttp(int port) : IAsyncDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] ContentLength = "content-length:"u8.ToArray();
    private static readonly byte[] Chunked = "transfer-encoding: chunked"u8.ToArray();

    private readonly Channel<Connection> idle = Channel.CreateUnbounded<Connection>();
    private readonly List<Connection> all = [];

    /// <summary>Sends one request on an idle connection (opening one when none is idle) and returns the response's status.</summary>
    public async Task<int> SendAsync(ReadOnlyMemory<byte> request)
    {
        if (!idle.Reader.TryRead(out var connection))
        {
            connection = await Connection.OpenAsync(port);
            lock (all)
            {
                all.Add(connection);
            }
        }

        try
        {
            var status = await connection.ExchangeAsync(request);
            idle.Writer.TryWrite(connection);
            return status;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public static byte[] Get(string path) => Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    public static byte[] PostJson(string path, string body, params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
        foreach (var (name, value) in headers)
        {
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        var bytes = Encoding.UTF8.GetBytes(body);
        head.Append("Content-Length: ").Append(bytes.Length).Append("\r\n\r\n");
        return [.. Encoding.ASCII.GetBytes(head.ToString()), .. bytes];
    }

    public ValueTask DisposeAsync()
    {
        lock (all)
        {
            foreach (var connection in all)
            {
                connection.Dispose();
            }
        }

        return ValueTask.CompletedTask;
    }

    private sealed class Connection(Socket socket) : IDisposable
    {
        private byte[] buffer = new byte[16 * 1024];

        public static async Task<Connection> OpenAsync(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port));
            return new Connection(socket);
        }

        public async Task<int> ExchangeAsync(ReadOnlyMemory<byte> request)
        {
            while (request.Length > 0)
            {
                var sent = await socket.SendAsync(request, SocketFlags.None);
                request = request[sent..];
            }

            var total = 0;
            var headerEnd = -1;
            while (headerEnd < 0)
            {
                total += await ReceiveAsync(total);
                headerEnd = buffer.AsSpan(0, total).IndexOf(HeaderEnd);
            }

            var bodyStart = headerEnd + HeaderEnd.Length;
            var head = buffer.AsSpan(0, headerEnd);
            Utf8Parser.TryParse(head[9..12], out int status, out _);
            var lower = Encoding.ASCII.GetString(head).ToLowerInvariant();
            if (lower.Contains(Encoding.ASCII.GetString(Chunked), StringComparison.Ordinal))
            {
                await ReadChunkedAsync(bodyStart, total);
            }
            else
            {
                var at = lower.IndexOf(Encoding.ASCII.GetString(ContentLength), StringComparison.Ordinal);
                var length = at < 0 ? 0 : int.Parse(lower.AsSpan(at + ContentLength.Length, lower.IndexOf('\r', at) - at - ContentLength.Length).Trim(), System.Globalization.CultureInfo.InvariantCulture);
                while (total < bodyStart + length)
                {
                    total += await ReceiveAsync(total);
                }
            }

            return status;
        }

        /// <summary>Reads chunk after chunk until the last (size 0) and its final CRLF.</summary>
        private async Task ReadChunkedAsync(int position, int total)
        {
            while (true)
            {
                int lineEnd;
                while ((lineEnd = buffer.AsSpan(position, total - position).IndexOf("\r\n"u8)) < 0)
                {
                    total += await ReceiveAsync(total);
                }

                var size = Convert.ToInt32(Encoding.ASCII.GetString(buffer, position, lineEnd).Split(';')[0].Trim(), 16);
                position += lineEnd + 2;
                var next = position + size + 2;
                while (total < next)
                {
                    total += await ReceiveAsync(total);
                }

                position = next;
                if (size == 0)
                {
                    return;
                }
            }
        }

        private async Task<int> ReceiveAsync(int total)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = await socket.ReceiveAsync(buffer.AsMemory(total), SocketFlags.None);
            return read > 0 ? read : throw new IOException("The server closed the connection.");
        }

        public void Dispose() => socket.Dispose();
    }
}
