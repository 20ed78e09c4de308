using System.Collections.Concurrent;
using StackExchange.Redis;

namespace ServeWell.Web.Platform.SharedState;

/// <summary>
/// "Forget what you cached about X" sent to every node through Redis pub/sub (ADR-055); without Redis only this node
/// hears it. A node that lost Redis for a while may have missed signals, so every handler also runs when it reconnects;
/// the caches' own short lifetimes bound what a node that never hears a signal keeps.
/// </summary>
public sealed class ClusterSignals
{
    private readonly SharedRedis _redis;
    private readonly ConcurrentDictionary<string, List<Action>> _handlers = new(StringComparer.Ordinal);

    public ClusterSignals(SharedRedis redis)
    {
        _redis = redis;
        _redis.Reconnected += () =>
        {
            foreach (var topic in _handlers.Keys)
            {
                Run(topic);
            }
        };
    }

    /// <summary>Runs <paramref name="handler"/> whenever any node (this one included) raises <paramref name="topic"/>.</summary>
    public void On(string topic, Action handler)
    {
        lock (_handlers)
        {
            if (_handlers.TryGetValue(topic, out var list))
            {
                lock (list)
                {
                    list.Add(handler);
                }

                return;
            }

            _handlers[topic] = [handler];
        }

        // One subscription per topic; it runs every handler of the topic. Created without waiting for Redis (this
        // runs when a service is first built, maybe while Redis is away): the client keeps it and subscribes again
        // whenever it reconnects.
        try
        {
            _redis.Subscriber?.Subscribe(Channel(topic), (_, _) => Run(topic), CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            _redis.FallBack(ex);
        }
    }

    /// <summary>Runs the handlers here at once and tells the other nodes; a lost message is covered by the caches' lifetimes.</summary>
    public void Raise(string topic)
    {
        Run(topic);
        if (_redis.Subscriber is { } subscriber && _redis.Database is not null)
        {
            try
            {
                subscriber.Publish(Channel(topic), "1", CommandFlags.FireAndForget);
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                _redis.FallBack(ex);
            }
        }
    }

    private RedisChannel Channel(string topic) => RedisChannel.Literal(_redis.Prefix + "signal:" + topic);

    private void Run(string topic)
    {
        if (!_handlers.TryGetValue(topic, out var list))
        {
            return;
        }

        Action[] handlers;
        lock (list)
        {
            handlers = [.. list];
        }

        foreach (var handler in handlers)
        {
            handler();
        }
    }
}
