using AlloyLint.Rules.Security;
using Xunit;

namespace AlloyLint.Rules.Tests.Rules;

public sealed class SecurityHelpersTests
{
    [Theory]
    [InlineData("root:rootpassword@tcp(mysql:3306)/", true)]
    [InlineData("postgresql://monitor:hunter2@db:5432/app?sslmode=disable", true)]
    [InlineData("oracle://system:testpassword@oracledb1:1521/FREEPDB1", true)]
    [InlineData("Server=db;User Id=sa;Password=x;", true)]
    [InlineData("host=db user=alloy pwd=x", true)]
    [InlineData("root@(server-a:3306)/", false)]
    [InlineData("postgresql://monitor@db:5432/app?sslmode=disable", false)]
    [InlineData("mongodb://mongodb-a:27017", false)]
    [InlineData("postgresql://monitor:@db:5432/app", false)]
    [InlineData("fake-connection-string", false)]
    public void A_connection_string_embeds_a_password_only_with_one_after_the_user(string connectionString, bool expected) =>
        Assert.Equal(expected, AL301HardCodedSecret.EmbedsPassword(connectionString));

    [Theory]
    [InlineData("http://loki.example.com/loki/api/v1/push", true)]
    [InlineData("HTTP://mimir.example.com", true)]
    [InlineData("http://user:pass@loki.example.com:3100", true)]
    [InlineData("http://10.0.0.5:9009/api/v1/push", true)]
    [InlineData("https://loki.example.com", false)]
    [InlineData("http://localhost:3100/loki/api/v1/push", false)]
    [InlineData("http://LOCALHOST", false)]
    [InlineData("http://127.0.0.1:9090/api/v1/write", false)]
    [InlineData("http://[::1]:9090/api/v1/write", false)]
    [InlineData("http://alloy.localhost/", false)]
    [InlineData("loki.example.com:3100", false)]
    [InlineData("http://", false)]
    public void Plain_http_counts_only_towards_a_host_that_is_not_loopback(string url, bool expected) =>
        Assert.Equal(expected, AL303CredentialsOverHttp.IsPlainHttpToRemoteHost(url));
}
