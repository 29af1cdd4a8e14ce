using Engage.Platform.Disclosure;

namespace Engage.Analysis.Pictures;

/// <summary>
/// The workshop's minimum group size as the pictures apply it, through the platform's one small-group rule
/// (<see cref="SmallGroups"/>): a count describing fewer people is not drawn or written; none at all is.
/// </summary>
public sealed record MinimumGroup(int Size)
{
    /// <summary>The count when it may be shown; null when it describes too few people.</summary>
    public int? Shown(int people) => SmallGroups.One(people, Size).Value;

    public bool Hides(int people) => !SmallGroups.Shows(people, Size);

    public string Words(int? shown) => shown is { } n ? n.ToString("N0") : $"fewer than {Size}";
}
