using Npgsql;

namespace Engage.IntegrationTests.Survival;

/// <summary>What the Workshop and Analysis hold of one workshop, read straight from their schemas.</summary>
public static class EngagementData
{
    public sealed record Holdings(HashSet<Guid> Items, Dictionary<(Guid Contribution, string Value), int> Votes);

    public sealed record State(Holdings Workshop, Holdings Analysis)
    {
        public bool AnalysisHoldsWhatTheWorkshopHolds => Workshop.Items.SetEquals(Analysis.Items)
            && Workshop.Votes.Count == Analysis.Votes.Count && Workshop.Votes.All(v => Analysis.Votes.GetValueOrDefault(v.Key) == v.Value);
    }

    public static async Task<State> Read(string connection, Guid workshopId)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        async Task<HashSet<Guid>> Ids(string sql)
        {
            var ids = new HashSet<Guid>();
            await using var reader = await new NpgsqlCommand(sql, db) { Parameters = { new() { Value = workshopId } } }.ExecuteReaderAsync();
            while (await reader.ReadAsync()) ids.Add(reader.GetGuid(0));
            return ids;
        }
        async Task<Dictionary<(Guid, string), int>> Votes(string sql)
        {
            var votes = new Dictionary<(Guid, string), int>();
            await using var reader = await new NpgsqlCommand(sql, db) { Parameters = { new() { Value = workshopId } } }.ExecuteReaderAsync();
            while (await reader.ReadAsync()) votes[(Guid.Parse(reader.GetString(0)), reader.GetString(1))] = (int)reader.GetInt64(2);
            return votes;
        }
        return new State(
            new Holdings(
                await Ids("select id from workshop.mt_doc_contribution where workshop_id = $1"),
                await Votes("select contribution_id::text, value, count(*) from workshop.mt_doc_vote where workshop_id = $1 group by 1, 2")),
            new Holdings(
                await Ids("select id from analysis.mt_doc_corpusitem where (data->>'WorkshopId')::uuid = $1"),
                await Votes("select data->>'ContributionId', data->>'Value', count(*) from analysis.mt_doc_corpusvote where (data->>'WorkshopId')::uuid = $1 group by 1, 2")));
    }

    /// <summary>
    /// Waits until Analysis holds what the Workshop holds (at most <paramref name="seconds"/>); on failure
    /// says how far apart they are and what is in Wolverine's dead-letter and inbox tables.
    /// </summary>
    public static async Task<State> CaughtUp(string connection, Guid workshopId, int seconds = 90)
    {
        State? last = null;
        try
        {
            return await ProcessEngagement.Eventually(async () =>
            {
                var state = last = await Read(connection, workshopId);
                return state.AnalysisHoldsWhatTheWorkshopHolds ? state : null;
            }, "Analysis holding what the Workshop holds", seconds);
        }
        catch (Xunit.Sdk.XunitException e) when (last is not null)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message} Workshop: {last.Workshop.Items.Count} items, {last.Workshop.Votes.Values.Sum()} votes; " +
                $"Analysis: {last.Analysis.Items.Count} items, {last.Analysis.Votes.Values.Sum()} votes; " +
                $"{await Count(connection, "select count(*) from wolverine.wolverine_dead_letters")} dead letters, " +
                $"{await Count(connection, "select count(*) from wolverine.wolverine_incoming_envelopes")} incoming envelopes.");
        }
    }

    public static async Task<long> Count(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        return (long)(await new NpgsqlCommand(sql, db).ExecuteScalarAsync())!;
    }

    /// <summary>When Hangfire created each run of a recurring message job, oldest first.</summary>
    public static async Task<List<DateTimeOffset>> JobRuns(string connection, string messageType, DateTimeOffset since)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand("select createdat from hangfire.job where invocationdata::text like $1 and createdat >= $2 order by createdat", db)
        {
            Parameters = { new() { Value = $"%{messageType},%" }, new() { Value = since.UtcDateTime } }
        };
        var runs = new List<DateTimeOffset>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) runs.Add(new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(0), DateTimeKind.Utc)));
        return runs;
    }
}
