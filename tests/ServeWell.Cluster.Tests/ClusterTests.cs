using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace ServeWell.Cluster.Tests;

/// <summary>
/// Three nodes behind nginx on one PostgreSQL and one Redis (scripts/cluster.sh, ADR-055). Each test speaks from its
/// own loopback address, so per-address limits of one test never touch another's. The node kill comes last but one:
/// Prometheus (step 11) then sees that node down.
/// </summary>
[TestCaseOrderer(StepOrder.Name, StepOrder.Assembly)]
public sealed partial class ClusterTests
{
    private const string AdminEmail = "admin@servewell.demo";
    private const string Password = "ServeWell-demo-1";

    [Fact, Step(1)]
    public async Task SignInOnOneNode_IsHonouredOnTheOthers_AndSigningOutEndsItEverywhere()
    {
        var cookies = new CookieContainer();
        var nodes = Cluster.Nodes;
        using var first = Cluster.Client(nodes[0], 11, cookies);
        var token = await Cluster.FormTokenAsync(first, "/Accounts/SignIn");
        using var signedIn = await Cluster.PostFormAsync(first, "/Accounts/SignIn", token, new() { ["Form.Email"] = AdminEmail, ["Form.Password"] = Password });
        signedIn.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // Cookies are per host and port: the same cookie jar, carried by hand to each node, is the browser moving across nodes.
        foreach (var node in nodes)
        {
            using var client = Cluster.Client(node, 11, Carry(cookies, nodes[0], node));
            using var profile = await client.GetAsync("/Accounts/Profile");
            profile.StatusCode.ShouldBe(HttpStatusCode.OK, node.ToString());
        }

        var lastCookies = Carry(cookies, nodes[0], nodes[^1]);
        using (var last = Cluster.Client(nodes[^1], 11, lastCookies))
        {
            var signOutToken = await Cluster.FormTokenAsync(last, "/Accounts/Profile");
            using var signedOut = await Cluster.PostFormAsync(last, "/Accounts/SignOut", signOutToken, []);
            signedOut.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        // The old cookie, replayed on every node after signing out on one: refused everywhere.
        foreach (var node in nodes)
        {
            using var client = Cluster.Client(node, 11, Carry(cookies, nodes[0], node));
            using var profile = await client.GetAsync("/Accounts/Profile");
            profile.StatusCode.ShouldBe(HttpStatusCode.Redirect, node.ToString());
            profile.Headers.Location!.ToString().ShouldContain("SignIn");
        }
    }

    [Fact, Step(2)]
    public async Task PerAddressLimit_HoldsForTheCluster_AndAForgedForwardedForDoesNotEscapeIt()
    {
        var code = await TouchpointCodeAsync();
        var limit = Cluster.PerAddressPerMinute;
        using var citizen = Cluster.Client(Cluster.Proxy, 21);
        var created = 0;
        var refused = 0;
        // Through nginx, round-robin over three nodes, each with a different forged X-Forwarded-For.
        for (var i = 0; i < limit + 6; i++)
        {
            using var request = Answer(code, Guid.NewGuid().ToString("N"));
            request.Headers.Add("X-Forwarded-For", $"203.0.113.{i % 250}");
            using var response = await citizen.SendAsync(request);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                created++;
            }
            else
            {
                response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
                response.Headers.RetryAfter.ShouldNotBeNull();
                refused++;
            }
        }

        // N a minute for the cluster, not N per node (which would have taken all of them).
        created.ShouldBe(limit);
        refused.ShouldBe(6);
    }

    [Fact, Step(3)]
    public async Task ForwardedForFromAClientThatIsNotTheProxy_IsIgnored()
    {
        var code = await TouchpointCodeAsync();
        var limit = Cluster.PerAddressPerMinute;
        // 127.0.0.31 is not the proxy (only 127.0.0.1 is): a node must count it under its own address, whatever it claims.
        using var direct = Cluster.Client(Cluster.Nodes[0], 31);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < limit + 1; i++)
        {
            using var request = Answer(code, Guid.NewGuid().ToString("N"));
            request.Headers.Add("X-Forwarded-For", $"198.51.100.{i % 250}");
            using var response = await direct.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        statuses.Count(s => s == HttpStatusCode.Created).ShouldBe(limit);
        statuses[^1].ShouldBe(HttpStatusCode.TooManyRequests);
    }

    [Fact, Step(4)]
    public async Task KioskRevokedOnOneNode_IsRefusedByEveryNodeWithinOneSecond()
    {
        var (touchpointId, _) = await TouchpointAsync();
        var nodes = Cluster.Nodes;
        var cookies = new CookieContainer();
        using var admin = Cluster.Client(nodes[0], 41, cookies);
        var token = await Cluster.FormTokenAsync(admin, "/Accounts/SignIn");
        (await Cluster.PostFormAsync(admin, "/Accounts/SignIn", token, new() { ["Form.Email"] = AdminEmail, ["Form.Password"] = Password })).Dispose();
        var name = "Cluster tablet " + Guid.NewGuid().ToString("N")[..6];
        token = await Cluster.FormTokenAsync(admin, "/Feedback/Kiosks");
        using var registered = await Cluster.PostFormAsync(admin, "/Feedback/Kiosks?handler=Register", token, new()
        {
            ["Form.Name"] = name, ["Form.TouchpointId"] = touchpointId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var kioskToken = WebUtility.HtmlDecode(NewToken().Match(await registered.Content.ReadAsStringAsync()).Groups[1].Value.Trim());
        kioskToken.ShouldStartWith("kiosk_");

        // Every node takes the device's answers, and so holds it in its lookup cache.
        foreach (var node in nodes)
        {
            using var response = await Batch(node, kioskToken);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, node.ToString());
        }

        int deviceId;
        await using (var db = await OpenAsync())
        await using (var find = new NpgsqlCommand("SELECT \"Id\" FROM kiosk_devices WHERE \"Name\" = @name", db))
        {
            find.Parameters.AddWithValue("name", name);
            deviceId = (int)(await find.ExecuteScalarAsync())!;
        }

        token = await Cluster.FormTokenAsync(admin, $"/Feedback/Kiosks?handler=Revoke&deviceId={deviceId}");
        using var revoked = await Cluster.PostFormAsync(admin, $"/Feedback/Kiosks?handler=Revoke&deviceId={deviceId}", token, new() { ["confirmed"] = "true" });
        revoked.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var everywhere = await Cluster.EventuallyAsync(async () =>
        {
            foreach (var node in nodes)
            {
                using var response = await Batch(node, kioskToken);
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(1));
        everywhere.ShouldBeTrue();
    }

    [Fact, Step(10)]
    public async Task KillingOneNodeWhileCitizensSubmit_EveryAcknowledgedAnswerIsStoredExactlyOnce()
    {
        var (touchpointId, code) = await TouchpointAsync();
        var before = await AnswersAsync(touchpointId);
        var acknowledged = new ConcurrentDictionary<string, bool>();
        using var stop = new CancellationTokenSource();
        // Four citizens, each from its own address (so the per-address limit does not get in the way), each retrying
        // an answer with the same Idempotency-Key until it is acknowledged.
        var citizens = Enumerable.Range(0, 4).Select(n => Task.Run(async () =>
        {
            using var client = Cluster.Client(Cluster.Proxy, 90 + n);
            for (var i = 0; i < Cluster.PerAddressPerMinute - 2 && !stop.IsCancellationRequested; i++)
            {
                var key = Guid.NewGuid().ToString("N");
                for (var attempt = 0; attempt < 20; attempt++)
                {
                    try
                    {
                        using var response = await client.SendAsync(Answer(code, key));
                        if (response.StatusCode == HttpStatusCode.Created)
                        {
                            acknowledged[key] = true;
                            break;
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }

                    await Task.Delay(100);
                }
            }
        })).ToArray();

        await Task.Delay(300);
        var victim = Cluster.NodePids[1];
        System.Diagnostics.Process.GetProcessById(victim).Kill();   // SIGKILL: no graceful shutdown
        await Task.WhenAll(citizens);

        acknowledged.Count.ShouldBeGreaterThan(10);
        (await AnswersAsync(touchpointId) - before).ShouldBe(acknowledged.Count);
    }

    private static async Task<long> AnswersAsync(int touchpointId)
    {
        await using var db = await OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM feedback_answers WHERE \"TouchpointId\" = @id", db);
        count.Parameters.AddWithValue("id", touchpointId);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private static HttpRequestMessage Answer(string code, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/feedback")
        {
            Content = JsonContent.Create(new { touchpoint = code, overall = 4, language = "en" }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }

    private static async Task<HttpResponseMessage> Batch(Uri node, string kioskToken)
    {
        using var kiosk = Cluster.Client(node, 42);
        kiosk.DefaultRequestHeaders.Add("X-Kiosk-Token", kioskToken);
        return await kiosk.PostAsJsonAsync("/api/v1/feedback/batch", new { answers = new[] { new { key = Guid.NewGuid().ToString("N"), overall = 3, language = "en" } } });
    }

    private static async Task<string> TouchpointCodeAsync() => (await TouchpointAsync()).Code;

    /// <summary>A live touchpoint of the demo city; each call may return another, so counts are taken per test.</summary>
    private static async Task<(int Id, string Code)> TouchpointAsync()
    {
        using var api = Cluster.Api(Cluster.Proxy, 2);
        var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/touchpoints");
        var all = list.EnumerateArray().ToList();
        var pick = all[Random.Shared.Next(all.Count)];
        return (pick.GetProperty("id").GetInt32(), pick.GetProperty("code").GetString()!);
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var db = new NpgsqlConnection(Cluster.Database);
        await db.OpenAsync();
        return db;
    }

    private static CookieContainer Carry(CookieContainer from, Uri source, Uri target)
    {
        var to = new CookieContainer();
        foreach (Cookie cookie in from.GetCookies(source))
        {
            to.Add(target, new Cookie(cookie.Name, cookie.Value, "/"));
        }

        return to;
    }

    [GeneratedRegex("id=\"new-token\"[^>]*>([^<]+)<")]
    private static partial Regex NewToken();
}
