using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Engage.IntegrationTests.Support;
using Engage.Platform;
using Engage.Workshop.Contracts;
using Engage.Workshop;
using Engage.Workshop.Voting;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Engage.IntegrationTests;

/// <summary>A past Polis conversation is imported as a closed workshop and reaches Analysis like a live one.</summary>
public class when_staff_import_a_polis_conversation(EngageHost engage) : EngageTest(engage)
{
    private const string Comments = """
        timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body
        1500000000000,Fri Jul 14 2017,0,7,2,0,1,"Fund protected time for supervision, ""properly"", in every trust."
        1500000001000,Fri Jul 14 2017,1,8,0,1,-1,Buy cheap watches here
        1500000002000,Fri Jul 14 2017,2,9,1,0,0,"One national standard,
        then local adaptation."
        """;

    // Voter 7 changes their mind on comment 2: the later vote counts. Voter 11 never wrote a comment.
    private const string Votes = """
        timestamp,datetime,comment-id,voter-id,vote
        1500000010000,x,0,7,1
        1500000011000,x,0,8,1
        1500000012000,x,2,7,-1
        1500000013000,x,2,7,1
        1500000014000,x,1,8,-1
        1500000015000,x,2,11,0
        """;

    private static MultipartFormDataContent Files(string comments, string votes, string? title = "Supervision conversation") =>
        Files(Encoding.UTF8.GetBytes(comments), Encoding.UTF8.GetBytes(votes), title);

    private static MultipartFormDataContent Files(byte[] comments, byte[] votes, string? title)
    {
        var form = new MultipartFormDataContent();
        form.Add(File(comments), "comments", "comments.csv");
        form.Add(File(votes), "votes", "votes.csv");
        if (title is not null) form.Add(new StringContent(title), "title");
        return form;

        static ByteArrayContent File(byte[] bytes) => new(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };
    }

    private async Task<int> Workshops(HttpClient staff) => (await (await staff.GetAsync("/api/workshops")).Read<JsonElement[]>()).Length;

    [Fact]
    public async Task it_becomes_a_closed_workshop_and_analysis_gets_contributions_last_votes_and_source_ids()
    {
        var staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        JsonElement imported = default;
        var tracked = await Host.ExecuteAndWaitAsync(async () =>
        {
            var response = await staff.PostAsync("/api/workshops/imports/polis", Files(Comments, Votes));
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            imported = await response.Read<JsonElement>();
        });
        Assert.Equal(3, imported.GetProperty("contributions").GetInt32());
        Assert.Equal(5, imported.GetProperty("votes").GetInt32()); // six rows, one replaced
        Assert.Equal(4, imported.GetProperty("participants").GetInt32()); // authors 7, 8, 9 and voter 11
        var workshopId = imported.GetProperty("workshopId").GetGuid();

        // The rejected comment stays in the workshop's record but is never published, nor its vote sent.
        // Each published contribution once, however many handlers (queues) it is sent to.
        Assert.Equal(2, tracked.Sent.MessagesOf<ContributionPublished>().Distinct().Count());
        Assert.Equal(4, Assert.Single(tracked.Sent.MessagesOf<VotesImported>()).Votes.Count);
        Assert.Equal(4, Assert.Single(tracked.Sent.MessagesOf<ParticipantsImported>()).Participants.Count);
        Assert.Single(tracked.Sent.MessagesOf<WorkshopClosed>());

        var workshop = await (await staff.GetAsync($"/api/workshops/{workshopId}")).Read<JsonElement>();
        Assert.Equal("Closed", workshop.GetProperty("status").GetString());
        Assert.Equal("Supervision conversation", workshop.GetProperty("title").GetString());

        // The theme's counts, kept for its sorted pages, hold the imported votes too.
        var themeId = workshop.GetProperty("themes")[0].GetProperty("id").GetGuid();
        var agreed = await (await staff.GetAsync($"/api/workshops/{workshopId}/themes/{themeId}/contributions?sort=agreed")).Read<JsonElement[]>();
        Assert.Equal(["Fund protected time for supervision, \"properly\", in every trust.", "One national standard,\nthen local adaptation."],
            agreed.Select(c => c.GetProperty("text").GetString()));
        Assert.Equal((2, 1), (agreed[0].GetProperty("agree").GetInt32(), agreed[1].GetProperty("agree").GetInt32()));
        Assert.Equal(1, agreed[1].GetProperty("pass").GetInt32());

        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        var corpus = await (await analyst.GetAsync($"/api/analysis/workshops/{workshopId}")).Read<JsonElement>();
        Assert.True(corpus.GetProperty("closed").GetBoolean());
        var items = corpus.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("sourceId").GetString()!);
        Assert.Equal(["0", "2"], items.Keys.Order());
        Assert.Equal("Fund protected time for supervision, \"properly\", in every trust.", items["0"].GetProperty("text").GetString());
        Assert.Equal("One national standard,\nthen local adaptation.", items["2"].GetProperty("text").GetString());
        Assert.Equal((2, 0, 0), Counts(items["0"]));
        Assert.Equal((1, 0, 1), Counts(items["2"]));

        // The workshop keeps each last vote as its own Vote document, read back by Marten like any other.
        await using var workshopSession = Host.Services.GetRequiredService<IWorkshopStore>().QuerySession();
        var stored = await workshopSession.Query<Vote>().Where(v => v.WorkshopId == workshopId).ToListAsync();
        Assert.Equal(5, stored.Count);
        Assert.All(stored, v => Assert.Equal(Vote.IdFor(v.ContributionId, v.ParticipantId), v.Id));
        Assert.Equal(["agree", "agree", "agree", "disagree", "pass"], stored.Select(v => v.Value).Order());
        Assert.Equal(new DateTimeOffset(2017, 7, 14, 2, 40, 15, TimeSpan.Zero), stored.Max(v => v.CastAt));

        static (int, int, int) Counts(JsonElement item) =>
            (item.GetProperty("agree").GetInt32(), item.GetProperty("disagree").GetInt32(), item.GetProperty("pass").GetInt32());
    }

    [Theory]
    [InlineData("comments", "timestamp,comment-id,author-id,moderated,text\n1,0,1,1,hello\n", "comments.csv line 1: the header has no 'comment-body' column")]
    [InlineData("comments", "timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1500000000000,x,0,7,0,0,2,hello\n", "comments.csv line 2: 'moderated' must be -1, 0 or 1.")]
    [InlineData("votes", "timestamp,datetime,comment-id,voter-id,vote\n1500000010000,x,0,7,1\n1500000010000,x,0,7,yes\n", "votes.csv line 3: 'vote' must be a whole number")]
    [InlineData("votes", "timestamp,datetime,comment-id,voter-id,vote\n1500000010000,x,0,7,1\n1500000010000,x,99,7,1\n", "votes.csv line 3: comment-id 99 is not in comments.csv.")]
    [InlineData("votes", "timestamp,datetime,comment-id,voter-id,vote\nsoon,x,0,7,1\n", "votes.csv line 2: 'timestamp' must be milliseconds since 1970")]
    [InlineData("votes", "timestamp,datetime,comment-id,voter-id,vote\n1500000010000,x,0,7\n", "votes.csv line 2: 4 fields where the header has 5.")]
    public async Task a_malformed_file_is_refused_naming_the_line_and_nothing_is_imported(string file, string content, string problem)
    {
        var staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var before = await Workshops(staff);
        var form = file == "comments" ? Files(content, Votes) : Files(Comments, content);

        var response = await staff.PostAsync("/api/workshops/imports/polis", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(problem, await response.Problem());
        Assert.Equal(before, await Workshops(staff));
    }

    [Fact]
    public async Task a_file_that_is_not_utf8_is_refused_naming_the_line()
    {
        var staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var latin1 = Encoding.Latin1.GetBytes("timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body\n1500000000000,x,0,7,0,0,1,caf\u00e9 culture\n");

        var response = await staff.PostAsync("/api/workshops/imports/polis", Files(latin1, Encoding.UTF8.GetBytes(Votes), null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("comments.csv line 2: the file is not UTF-8 text.", await response.Problem());
    }

    [Fact]
    public async Task a_missing_file_or_a_plain_json_body_is_refused_and_participants_cannot_import()
    {
        var staff = Engage.Client(await Engage.TokenFor(Roles.ProgrammeStaff));
        var onlyComments = new MultipartFormDataContent { { new StringContent(Comments), "comments", "comments.csv" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync("/api/workshops/imports/polis", onlyComments)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.PostAsync("/api/workshops/imports/polis", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode);

        var analyst = Engage.Client(await Engage.TokenFor(Roles.Analyst));
        Assert.Equal(HttpStatusCode.Forbidden, (await analyst.PostAsync("/api/workshops/imports/polis", Files(Comments, Votes))).StatusCode);
    }
}
