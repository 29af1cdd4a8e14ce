using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform;

namespace Engage.IntegrationTests;

/// <summary>Analysts check agreement between coders through the API, to the published worked examples.</summary>
public class when_analysts_measure_reliability(EngageHost engage) : EngageTest(engage)
{
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability": four coders, twelve units, missing values.
    private static readonly double?[][] Krippendorff2011 =
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3],
        [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null]
    ];

    [Theory]
    [InlineData("nominal", 0.743)]
    [InlineData("ordinal", 0.815)]
    [InlineData("interval", 0.849)]
    [InlineData("ratio", 0.797)]
    public async Task alpha_reproduces_the_published_worked_example_at_every_level(string level, double expected)
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var result = await (await analyst.PostAsJsonAsync("/api/analysis/reliability", new { level, ratings = Krippendorff2011 })).Read<JsonElement>();

        Assert.Equal(expected, Math.Round(result.GetProperty("krippendorffAlpha").GetDouble(), 3));
        Assert.Equal((12, 4), (result.GetProperty("units").GetInt32(), result.GetProperty("coders").GetInt32()));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("cohenKappa").ValueKind); // four coders
    }

    [Fact]
    public async Task one_coder_or_no_pairable_unit_or_an_unknown_level_is_refused_saying_why()
    {
        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        async Task<string> Refused(object body)
        {
            var response = await analyst.PostAsJsonAsync("/api/analysis/reliability", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await response.Problem();
        }

        Assert.Contains("two coders", await Refused(new { level = "nominal", ratings = new[] { new double?[] { 1, 2 } } }));
        Assert.Contains("No unit was judged by two coders", await Refused(new { level = "nominal", ratings = new[] { new double?[] { 1, null }, new double?[] { null, 2 } } }));
        Assert.Contains("level", await Refused(new { level = "fuzzy", ratings = Krippendorff2011 }), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("'ratings'", await Refused(new { level = "nominal" }));

        var participantLike = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        Assert.Equal(HttpStatusCode.Forbidden, (await participantLike.PostAsJsonAsync("/api/analysis/reliability", new { level = "nominal", ratings = Krippendorff2011 })).StatusCode);
    }
}
