namespace Engage.Analysis.Pictures;

/// <summary>
/// The workshop's minimum group size as the pictures apply it: a count describing fewer people is not drawn
/// or written. Kept in one place so the pictures can move to the shared suppression policy in one change.
/// </summary>
public sealed record MinimumGroup(int Size)
{
    /// <summary>The count when it may be shown; null when it describes too few people.</summary>
    public int? Shown(int people) => people >= Size ? people : null;

    public bool Hides(int people) => people < Size;

    public string Words(int? shown) => shown is { } n ? n.ToString("N0") : $"fewer than {Size}";
}
