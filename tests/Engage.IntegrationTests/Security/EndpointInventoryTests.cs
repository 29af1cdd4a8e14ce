using System.Net;
using System.Text;
using Engage.IntegrationTests.Support;
using static Engage.Platform.Roles;

namespace Engage.IntegrationTests.Security;

/// <summary>
/// The doors of Engage as the design draws them (ARCHITECTURE.md, "Users and their doors"): the most a
/// route under each path may admit. A route's own metadata may admit fewer roles, never more; a new
/// route outside every door fails the inventory until someone decides who it is for.
/// </summary>
public static class DesignedDoors
{
    private static readonly string[] Reporting = [Admin, ProgrammeStaff, Analyst];

    public static readonly (string Prefix, string[] MostAdmitted)[] All =
    [
        ("/admin", [Admin]), ("/api/admin", [Admin]),
        ("/analysis", [Admin, Analyst]), ("/api/analysis", [Admin, Analyst]),
        ("/seminars", [Admin, ProgrammeStaff, Facilitator]), ("/api/seminars", [Admin, ProgrammeStaff, Facilitator]),
        ("/workshops", [Admin, ProgrammeStaff]), ("/api/workshops", [Admin, ProgrammeStaff]),
        ("/moderation", [Admin, ProgrammeStaff, Moderator]), ("/workshops/{id:guid}/moderation", [Admin, ProgrammeStaff, Moderator]),
        ("/api/workshops/{id}/moderation", [Admin, ProgrammeStaff, Moderator]), ("/api/contributions/{id}/moderation", [Admin, ProgrammeStaff, Moderator]),
        // What participants write and read; staff may read a theme's contributions as participants see them.
        ("/api/workshops/{id}/themes", [Admin, ProgrammeStaff, Participant]),
        ("/api/workshops/{id}/me", [Participant]), ("/api/contributions", [Participant]), ("/take-part", [Participant]),
        ("/reports", Reporting), ("/api/reports", Reporting), ("/api/staff", Reporting)
    ];

    /// <summary>The most specific door a route pattern falls under, if any.</summary>
    public static string[]? For(string pattern) => All
        .Where(d => pattern == d.Prefix || pattern.StartsWith(d.Prefix + "/") || pattern.StartsWith(d.Prefix + "."))
        .OrderByDescending(d => d.Prefix.Length)
        .Select(d => d.MostAdmitted)
        .FirstOrDefault();
}

public class when_the_route_table_is_read(EngageHost engage) : EngageTest(engage)
{
    private async Task<IReadOnlyList<Door>> Doors()
    {
        var doors = await RouteTable.Read(Host.Services);
        Assert.True(doors.Count > 100, $"only {doors.Count} routes were found: the inventory is not reading the host");
        return doors;
    }

    [Fact]
    public async Task every_route_names_the_roles_it_admits_or_is_on_the_public_allow_list()
    {
        var doors = await Doors();

        // "Any signed-in user" is not a decision: a participant is a signed-in user too.
        var undecided = doors.Where(d => !d.Public && d.Roles is null).Select(d => d.ToString()).Distinct().ToList();
        var publicButUnlisted = doors.Where(d => d.Public && !when_the_host_runs.PublicRoutes.Contains(d.Pattern)).Select(d => d.ToString()).Distinct().ToList();

        Assert.True(undecided.Count == 0, "Routes that name no role and are not public:\n" + string.Join("\n", undecided));
        Assert.True(publicButUnlisted.Count == 0, "Public routes missing from the allow-list:\n" + string.Join("\n", publicButUnlisted));
    }

    [Fact]
    public async Task every_route_on_the_public_allow_list_still_exists_and_is_public()
    {
        var doors = await Doors();
        var stale = when_the_host_runs.PublicRoutes.Where(p => !doors.Any(d => d.Pattern == p && d.Public)).ToList();
        Assert.True(stale.Count == 0, "Allow-listed routes that are gone or no longer public:\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task no_route_admits_a_role_its_door_does_not()
    {
        var doors = await Doors();
        var problems = new List<string>();
        foreach (var door in doors.Where(d => !d.Public))
        {
            if (DesignedDoors.For(door.Pattern) is not { } most)
                problems.Add($"{door}: under no door of DesignedDoors; decide who it is for and add it");
            else if (door.Roles!.Except(most).ToList() is { Count: > 0 } extra)
                problems.Add($"{door}: admits {string.Join(", ", extra)}, which its door does not");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task every_public_write_that_signs_someone_in_is_rate_limited()
    {
        var doors = await Doors();
        var signIns = doors.Where(d => d.Public && d.Pattern is "/api/auth/token" or "/api/auth/participant-token" or "/account/signin" or "/account/link").ToList();
        Assert.Equal(4, signIns.Select(d => d.Pattern).Distinct().Count());
        Assert.All(signIns, d => Assert.True(d.RateLimited, $"{d} is not rate-limited"));
    }
}

/// <summary>
/// The authorisation matrix: every route of the running host, called by nobody and by each role in turn,
/// with well-formed ids of things that do not exist. Built from the route table, so a new route is in it.
/// </summary>
public class when_every_role_calls_every_route(EngageHost engage) : EngageTest(engage)
{
    public static TheoryData<string> Everyone() => new(Caller.Roles);

    private enum Outcome { Challenged, Forbidden, Admitted }

    [Theory, MemberData(nameof(Everyone))]
    public async Task only_the_roles_a_route_admits_get_past_its_door(string role)
    {
        var caller = await Caller.As(Engage, role);
        var doors = await RouteTable.Read(Host.Services);
        var wrong = new List<string>();
        var refusals = 0;

        foreach (var door in doors)
        {
            var expected = door.Admits(role) ? Outcome.Admitted : caller.SignedIn ? Outcome.Forbidden : Outcome.Challenged;
            if (expected != Outcome.Admitted) refusals++;
            using var request = new HttpRequestMessage(new HttpMethod(door.Method), door.SampleUrl());
            if (door.Method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            // The API takes bearer tokens, everything else (pages, the jobs dashboard) the sign-in cookie.
            using var response = await (door.Api ? caller.Api : caller.Pages.Http).SendAsync(request);
            var actual = Classify(response);
            // A public page may itself answer 403 (the "access denied" page does); it must never ask for a sign-in.
            if (door.Public ? actual == Outcome.Challenged : actual != expected)
                wrong.Add($"{door} as {role}: expected {expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        }

        Assert.True(wrong.Count == 0, $"{wrong.Count} of {doors.Count} routes:\n" + string.Join("\n", wrong));
        // Every kind of caller, Admin included (participants' own routes), has doors closed to them: the matrix is not empty.
        Assert.True(refusals > 0, $"no route refuses {role}");
    }

    private static Outcome Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location is { } l ? l.IsAbsoluteUri ? l.AbsolutePath : l.OriginalString : "";
        return response.StatusCode switch
        {
            HttpStatusCode.Unauthorized => Outcome.Challenged,
            HttpStatusCode.Forbidden => Outcome.Forbidden,
            HttpStatusCode.Redirect when location.StartsWith("/account/signin") => Outcome.Challenged,
            HttpStatusCode.Redirect when location.StartsWith("/account/denied") => Outcome.Forbidden,
            _ => Outcome.Admitted
        };
    }
}
