using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>At a busy seminar the same problem arrives in different words; the facilitator is shown the likely duplicates to merge.</summary>
public class when_a_facilitator_looks_for_duplicate_problem_statements(EngageHost engage) : EngageTest(engage)
{
    private record Created(Guid Id);

    [Fact]
    public async Task statements_that_mean_the_same_are_offered_as_possible_duplicates_until_merged()
    {
        var api = Engage.Client(await Engage.TokenFor(Roles.Facilitator));
        var seminar = (await (await api.PostAsJsonAsync("/api/seminars", new
        {
            title = "Advanced practice", purpose = "Frame the problems", startsAt = DateTimeOffset.UtcNow.AddDays(7), format = "Online",
            venue = "", joiningLink = "https://meet.example.org/acp", dotsPerAttendee = 3, interestGroups = new[] { "Nursing", "Regulators" },
            agenda = Array.Empty<object>()
        })).Read<Created>()).Id;
        async Task<Guid> Submit(string text, string group)
        {
            Guid id = default;
            await Host.ExecuteAndWaitAsync(async () =>
                id = (await (await api.PostAsJsonAsync($"/api/seminars/{seminar}/problems", new { text, interestGroup = group })).Read<Created>()).Id);
            return id;
        }
        var first = await Submit("Trainees have no protected study time", "Nursing");
        var regulation = await Submit("No one regulates the ACP title", "Regulators");
        var second = await Submit("There is never any time set aside for trainees to study", "Nursing");

        var duplicates = await (await api.GetAsync($"/api/seminars/{seminar}/problems/duplicates")).Read<JsonElement[]>();

        var pair = Assert.Single(duplicates);
        Assert.Equal(first, pair.GetProperty("problemId").GetGuid());
        Assert.Equal(second, pair.GetProperty("duplicateId").GetGuid());
        Assert.InRange(pair.GetProperty("similarity").GetDouble(), 0.6, 1.0);
        Assert.DoesNotContain(duplicates, d => d.GetProperty("problemId").GetGuid() == regulation || d.GetProperty("duplicateId").GetGuid() == regulation);

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsJsonAsync($"/api/seminars/{seminar}/problems/merge",
            new { keepProblemId = first, mergeProblemIds = new[] { second } })).StatusCode);
        Assert.Empty(await (await api.GetAsync($"/api/seminars/{seminar}/problems/duplicates")).Read<JsonElement[]>());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/api/seminars/{Guid.NewGuid()}/problems/duplicates")).StatusCode);
    }
}
