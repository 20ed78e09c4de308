using System.Net;
using System.Text.Json;

namespace ServeWell.Web.Tests.Fixtures;

public static class Json
{
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Reads a 200 answer as <typeparamref name="T"/>; any other status fails with the body in the message.</summary>
    public static async Task<T> ReadOkAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{response.RequestMessage?.RequestUri} answered: {body}");
        return JsonSerializer.Deserialize<T>(body, Web) ?? throw new InvalidOperationException("Empty JSON answer.");
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync(), Web);

    /// <summary>The "detail" of a ProblemDetails answer, checking that it is one.</summary>
    public static async Task<string> ReadProblemDetailAsync(this HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        return problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }

    public static async Task<T> GetOkAsync<T>(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.ReadOkAsync<T>();
    }
}
