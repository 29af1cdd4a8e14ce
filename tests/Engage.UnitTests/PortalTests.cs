using System.Reflection;
using Engage.Platform.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Engage.UnitTests;

public class when_a_rule_about_a_field_is_broken
{
    [Fact]
    public void an_empty_field_asks_for_it_in_plain_words_and_names_the_field()
    {
        var broken = Assert.Throws<RuleBroken>(() => RuleBroken.Text("   ", "reason", "a reason for reporting this post", 500));
        Assert.Equal("Enter a reason for reporting this post", broken.Message);
        Assert.Equal("reason", broken.Field);
        Assert.Equal(400, broken.Status);
    }

    [Fact]
    public void a_field_too_long_says_the_limit_and_how_long_it_is()
    {
        var broken = Assert.Throws<RuleBroken>(() => RuleBroken.Text(new string('a', 501), "reason", "a reason for reporting this post", 500));
        Assert.Equal("A reason for reporting this post must be 500 characters or fewer (it has 501)", broken.Message);
    }

    [Fact]
    public void a_good_field_comes_back_trimmed() =>
        Assert.Equal("It names a colleague", RuleBroken.Text("  It names a colleague ", "reason", "a reason", 500));

    [Fact]
    public void an_api_name_is_spoken_as_words() => Assert.Equal("why it matters", RuleBroken.Spoken("problem.whyItMatters"));

    [Fact]
    public void the_error_summary_links_each_message_to_its_input()
    {
        var errors = new PageErrors();
        errors.Add("Enter a reason for reporting this post", "flag-1");
        errors.Add("The workshop is Closed.");
        Assert.Equal("flag-1", errors.InputOf(0));
        Assert.Null(errors.InputOf(1));
        Assert.True(errors.Any("flag-1"));
        Assert.Equal(["Enter a reason for reporting this post"], errors.About("flag-1"));
    }
}

[Download]
file static class AFileRoute
{
    public static void Get() { }
}

file static class AJsonRoute
{
    public static void Get() { }
}

public class when_a_request_reaches_the_api
{
    private static HttpContext Request(string path, Type route, string? accept = null, string? cookie = null, string? authorization = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = path;
        if (accept is not null) context.Request.Headers.Accept = accept;
        if (cookie is not null) context.Request.Headers.Cookie = $"{Downloads.SignInCookie}={cookie}";
        if (authorization is not null) context.Request.Headers.Authorization = authorization;
        // As Wolverine does: the endpoint carries the method it runs.
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(route.GetMethod("Get")!), "route"));
        return context;
    }

    [Fact]
    public void a_browser_following_a_download_link_is_signed_in_by_its_cookie()
    {
        Assert.Equal("Cookies", Downloads.SchemeFor(Request("/api/reports/1/report.pdf", typeof(AFileRoute), cookie: "x")));
        Assert.Equal("Cookies", Downloads.SchemeFor(Request("/api/reports/1/report.pdf", typeof(AFileRoute), accept: "text/html,application/xhtml+xml")));
    }

    [Fact]
    public void a_script_asking_for_a_file_uses_its_bearer_token_or_is_challenged_as_the_api_is()
    {
        Assert.Equal("Bearer", Downloads.SchemeFor(Request("/api/reports/1/report.pdf", typeof(AFileRoute), cookie: "x", authorization: "Bearer abc")));
        Assert.Equal("Bearer", Downloads.SchemeFor(Request("/api/reports/1/report.pdf", typeof(AFileRoute), accept: "application/json")));
    }

    [Fact]
    public void the_cookie_never_signs_in_any_other_api_call()
    {
        Assert.Equal("Bearer", Downloads.SchemeFor(Request("/api/seminars", typeof(AJsonRoute), accept: "text/html", cookie: "x")));
        var write = Request("/api/reports/1/report.pdf", typeof(AFileRoute), cookie: "x");
        write.Request.Method = "POST";
        Assert.Equal("Bearer", Downloads.SchemeFor(write));
    }

    [Fact]
    public void pages_take_the_cookie() => Assert.Equal("Cookies", Downloads.SchemeFor(Request("/reports/1", typeof(AJsonRoute))));
}
