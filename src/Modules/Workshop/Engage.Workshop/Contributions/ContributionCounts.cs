using Engage.Workshop.Voting;
using Marten;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Engage.Workshop.Contributions;

/// <summary>
/// Agree, disagree and pass counts and the number of published replies, one row per contribution,
/// kept by PostgreSQL as votes and contributions are written, so a theme page sorted by any of them
/// reads its page of rows instead of grouping every vote of the workshop (ADR 0023). Triggers keep
/// them, because every way a vote is written (a vote, a change of mind, an import's set-based insert,
/// a participant erasing their data) then counts, in the same transaction, without each writer
/// remembering to. The cost: one extra row update in each vote's transaction, on the contribution's
/// row, so votes on one contribution queue behind each other for the length of a commit.
/// </summary>
public sealed class ContributionCounts(IWorkshopStore store) : IHostedService
{
    public const string Table = WorkshopModule.Schema + ".contribution_counts";
    private const int Published = (int)ContributionStatus.Published;

    // One transaction under an advisory lock: two hosts starting at once must not both create the triggers,
    // and the first count of rows already there must not miss a vote written meanwhile (the writers wait).
    private static readonly string Ddl = $$"""
        select pg_advisory_xact_lock(7226918810);
        do $do$
        begin
          if to_regclass('{{Table}}') is null then
            lock table {{WorkshopModule.Schema}}.mt_doc_vote, {{WorkshopModule.Schema}}.mt_doc_contribution in share mode;
            create table {{Table}} (contribution_id uuid primary key, agree int not null default 0, disagree int not null default 0,
              pass int not null default 0, replies int not null default 0);
            insert into {{Table}} (contribution_id, agree, disagree, pass)
              select contribution_id, count(*) filter (where value = 'agree'), count(*) filter (where value = 'disagree'), count(*) filter (where value = 'pass')
              from {{WorkshopModule.Schema}}.mt_doc_vote where contribution_id is not null group by contribution_id;
            insert into {{Table}} as n (contribution_id, replies)
              select parent_id, count(*) from {{WorkshopModule.Schema}}.mt_doc_contribution where parent_id is not null and status = {{Published}} group by parent_id
              on conflict (contribution_id) do update set replies = excluded.replies;
          end if;
        end $do$;

        create or replace function {{WorkshopModule.Schema}}.count_vote() returns trigger language plpgsql as $fn$
        begin
          -- A bulk writer (an import) counts its votes once, set-based, at the end of its transaction.
          if current_setting('{{CountLaterSetting}}', true) = 'on' then return null; end if;
          if tg_op = 'UPDATE' and old.value is not distinct from new.value and old.contribution_id is not distinct from new.contribution_id then
            return null;
          end if;
          if tg_op in ('UPDATE', 'DELETE') and old.contribution_id is not null then
            update {{Table}} set agree = agree - (old.value = 'agree')::int, disagree = disagree - (old.value = 'disagree')::int,
              pass = pass - (old.value = 'pass')::int where contribution_id = old.contribution_id;
          end if;
          if tg_op in ('INSERT', 'UPDATE') and new.contribution_id is not null then
            insert into {{Table}} as n (contribution_id, agree, disagree, pass)
              values (new.contribution_id, (new.value = 'agree')::int, (new.value = 'disagree')::int, (new.value = 'pass')::int)
              on conflict (contribution_id) do update set agree = n.agree + excluded.agree, disagree = n.disagree + excluded.disagree, pass = n.pass + excluded.pass;
          end if;
          return null;
        end $fn$;
        create or replace trigger count_vote after insert or update or delete on {{WorkshopModule.Schema}}.mt_doc_vote
          for each row execute function {{WorkshopModule.Schema}}.count_vote();

        create or replace function {{WorkshopModule.Schema}}.count_reply() returns trigger language plpgsql as $fn$
        declare
          was_counted boolean := tg_op in ('UPDATE', 'DELETE') and old.parent_id is not null and old.status = {{Published}};
          is_counted boolean := tg_op in ('INSERT', 'UPDATE') and new.parent_id is not null and new.status = {{Published}};
        begin
          if was_counted and is_counted and old.parent_id = new.parent_id then return null; end if;
          if was_counted then update {{Table}} set replies = replies - 1 where contribution_id = old.parent_id; end if;
          if is_counted then
            insert into {{Table}} as n (contribution_id, replies) values (new.parent_id, 1)
              on conflict (contribution_id) do update set replies = n.replies + 1;
          end if;
          return null;
        end $fn$;
        create or replace trigger count_reply after insert or update or delete on {{WorkshopModule.Schema}}.mt_doc_contribution
          for each row execute function {{WorkshopModule.Schema}}.count_reply();
        """;

    /// <summary>Set for one transaction by a writer that counts its own votes afterwards (<see cref="CountLater"/>, <see cref="Recount"/>).</summary>
    public const string CountLaterSetting = "engage.count_votes_later";

    /// <summary>
    /// For a bulk write of votes: the vote trigger leaves this transaction's votes uncounted, and
    /// <see cref="Recount"/>, queued after them, counts the workshop's votes in one statement. 225,000
    /// imported votes cost one group-by instead of 225,000 trigger calls.
    /// </summary>
    public static void CountLater(IDocumentSession session) =>
        session.QueueSqlCommand($"set local {CountLaterSetting} = 'on'");

    public static void Recount(IDocumentSession session, Guid workshopId)
    {
        session.QueueSqlCommand(
            $"insert into {Table} as n (contribution_id, agree, disagree, pass) " +
            "select contribution_id, count(*) filter (where value = 'agree'), count(*) filter (where value = 'disagree'), count(*) filter (where value = 'pass') " +
            $"from {WorkshopModule.Schema}.mt_doc_vote where workshop_id = ? and contribution_id is not null group by contribution_id " +
            "on conflict (contribution_id) do update set agree = excluded.agree, disagree = excluded.disagree, pass = excluded.pass", workshopId);
        session.QueueSqlCommand($"set local {CountLaterSetting} = 'off'");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The tables the triggers sit on are Marten's; make sure they exist first (a fresh database).
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Vote), cancellationToken);
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(Contribution), cancellationToken);
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(Ddl, connection, transaction)) await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
