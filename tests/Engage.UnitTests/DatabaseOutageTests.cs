using System.Net.Sockets;
using Engage.Platform.Web;
using Npgsql;

namespace Engage.UnitTests;

public class when_postgresql_cannot_be_reached
{
    [Fact]
    public void connection_failures_are_outages_that_answer_503()
    {
        Assert.True(DatabaseUnavailableHandler.IsOutage(new NpgsqlException("Failed to connect", new SocketException(111))));
        Assert.True(DatabaseUnavailableHandler.IsOutage(new InvalidOperationException("wrapped", new TimeoutException())));
    }

    [Fact]
    public void programming_errors_are_not_outages()
    {
        Assert.False(DatabaseUnavailableHandler.IsOutage(new InvalidOperationException("bug")));
        Assert.False(DatabaseUnavailableHandler.IsOutage(new ArgumentNullException("x")));
    }
}
