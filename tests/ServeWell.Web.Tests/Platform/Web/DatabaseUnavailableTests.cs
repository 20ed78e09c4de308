using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ServeWell.Web.Platform.Data;
using ServeWell.Web.Platform.Web;

namespace ServeWell.Web.Tests.Platform.Web;

/// <summary>
/// A database that cannot be reached for the moment is 503 with Retry-After, not 500 (ADR-057). The cluster run
/// (scripts/cluster.sh) proves it end to end by restarting PostgreSQL under load; these pin the classification.
/// </summary>
public sealed class DatabaseUnavailableTests
{
    [Fact]
    public void ConnectionRefused_ServerShuttingDown_AndWrappedOnes_AreUnavailable()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        DatabaseUnavailable.Is(refused).ShouldBeTrue();
        DatabaseUnavailable.Is(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused)).ShouldBeTrue();
        DatabaseUnavailable.Is(new AggregateException(new InvalidOperationException("x"), refused)).ShouldBeTrue();
        DatabaseUnavailable.Is(new PostgresException("terminating connection due to administrator command", "FATAL", "FATAL", "57P01")).ShouldBeTrue();
        DatabaseUnavailable.Is(new PostgresException("the database system is starting up", "FATAL", "FATAL", "57P03")).ShouldBeTrue();
    }

    [Fact]
    public void ErrorsOfTheRequestOrTheCode_AreNot()
    {
        DatabaseUnavailable.Is(new PostgresException("duplicate key value violates unique constraint", "ERROR", "ERROR", "23505")).ShouldBeFalse();
        DatabaseUnavailable.Is(new PostgresException("relation does not exist", "ERROR", "ERROR", "42P01")).ShouldBeFalse();
        DatabaseUnavailable.Is(new InvalidOperationException("Sequence contains no elements")).ShouldBeFalse();
    }

    [Fact]
    public async Task TheApi_Gets503WithRetryAfter_AndAProblemThatSaysToSendItAgain()
    {
        var services = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Path = "/api/v1/feedback";
        http.Request.Method = "POST";
        http.Response.Body = new MemoryStream();
        var handler = new ServeWellExceptionHandler(services.GetRequiredService<Microsoft.AspNetCore.Http.IProblemDetailsService>(), NullLogger<ServeWellExceptionHandler>.Instance);

        var handled = await handler.TryHandleAsync(http, new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)), CancellationToken.None);

        handled.ShouldBeTrue();
        http.Response.StatusCode.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        http.Response.Headers.RetryAfter.ToString().ShouldBe(DatabaseUnavailable.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        http.Response.Body.Position = 0;
        (await new StreamReader(http.Response.Body).ReadToEndAsync()).ShouldContain("Send the request again");
    }
}
