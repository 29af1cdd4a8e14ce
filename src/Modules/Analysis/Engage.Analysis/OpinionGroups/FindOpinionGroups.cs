namespace Engage.Analysis.OpinionGroups;

/// <summary>One participant's current vote: +1 agree, -1 disagree, 0 pass. A later entry for the same pair replaces an earlier one.</summary>
public sealed record ParticipantVote(Guid ParticipantId, Guid ContributionId, int Vote);

public sealed record OpinionGroupOptions
{
    public int Seed { get; init; } = 1;
    /// <summary>Participants with fewer votes are left out (the bar drops to the number of contributions when there are fewer).</summary>
    public int MinVotesPerParticipant { get; init; } = 7;
    public int MinGroups { get; init; } = 2;
    public int MaxGroups { get; init; } = 5;
    public int RepresentativePerGroup { get; init; } = 5;
    /// <summary>A statement is consensus when every group's (smoothed) agree probability reaches this.</summary>
    public double ConsensusThreshold { get; init; } = 0.6;
    public int ConsensusCount { get; init; } = 10;
    /// <summary>Smallest spread of agree probability across groups for a statement to count as divisive.</summary>
    public double DivisiveMinSpread { get; init; } = 0.3;
    public int DivisiveCount { get; init; } = 10;
}

/// <summary>A participant placed on the opinion map; X and Y are the first two principal components.</summary>
public sealed record GroupMember(Guid Id, double X, double Y);

/// <summary>
/// A statement that sets a group apart (Polis "repness"): <see cref="Direction"/> is "agree" or
/// "disagree"; probabilities are smoothed with a uniform prior ((votes + 1) / (seen + 2)).
/// Significant means both tests pass at 90%: the group leans that way, and more than the rest do.
/// </summary>
public sealed record RepresentativeStatement(
    Guid ContributionId, string Direction, double InGroup, double OutOfGroup, double Representativeness,
    double ZScore, int VotesInGroup, bool Significant);

public sealed record OpinionGroup(int Id, IReadOnlyList<GroupMember> Participants, IReadOnlyList<RepresentativeStatement> Representative);

/// <summary>Agree probability of each group, in group order.</summary>
public sealed record ConsensusStatement(Guid ContributionId, IReadOnlyList<double> AgreeByGroup, double LowestAgree, int Votes);

public sealed record DivisiveStatement(Guid ContributionId, IReadOnlyList<double> AgreeByGroup, double Spread, int Votes);

public sealed record OpinionGroupsResult(
    IReadOnlyList<OpinionGroup> Groups,
    IReadOnlyList<ConsensusStatement> Consensus,
    IReadOnlyList<DivisiveStatement> Divisive,
    /// <summary>Participants below the vote threshold: not placed on the map, not grouped.</summary>
    IReadOnlyList<Guid> Excluded,
    /// <summary>Mean silhouette of the chosen grouping (-1..1; near 0 means the groups barely differ).</summary>
    double Silhouette);

/// <summary>
/// Opinion groups from agree/disagree/pass votes, the way Polis forms them: a participant x
/// statement matrix (missing votes imputed with the statement's mean), two principal components,
/// k-means on the map with k chosen by silhouette, then what each group stands for, what all
/// groups agree on, and what divides them. Pure and seeded: the same votes and seed give the same groups.
/// </summary>
public static class OpinionGroupFinder
{
    public static OpinionGroupsResult Find(
        IReadOnlyList<ParticipantVote> votes, OpinionGroupOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new OpinionGroupOptions();
        var matrix = VoteMatrix.Build(votes, options.MinVotesPerParticipant);
        var excluded = matrix.Excluded;
        if (matrix.Participants.Length == 0)
            return new OpinionGroupsResult([], [], [], excluded, 0);

        cancellationToken.ThrowIfCancellationRequested();
        var points = Pca.Project(matrix, options.Seed);
        cancellationToken.ThrowIfCancellationRequested();
        var (labels, k, silhouette) = MapClustering.Choose(points, options.MinGroups, options.MaxGroups, options.Seed, cancellationToken);

        var stats = GroupStatistics.Count(matrix, labels, k);
        var groups = new List<OpinionGroup>(k);
        for (var g = 0; g < k; g++)
        {
            var members = new List<GroupMember>();
            for (var i = 0; i < labels.Length; i++)
                if (labels[i] == g) members.Add(new GroupMember(matrix.Participants[i], Math.Round(points[i, 0], 6), Math.Round(points[i, 1], 6)));
            groups.Add(new OpinionGroup(g, members, Representativeness.For(stats, matrix, g, options.RepresentativePerGroup)));
        }
        return new OpinionGroupsResult(
            groups,
            Representativeness.Consensus(stats, matrix, options),
            Representativeness.Divisive(stats, matrix, options),
            excluded,
            Math.Round(silhouette, 6));
    }
}
