using System.Collections.Concurrent;
using Engage.Methods.Vectors;
using Marten;

namespace Engage.Workshop.Contributions;

/// <summary>
/// The contribution vectors of each workshop theme, held in memory so a search while someone types scans
/// them without reading 100,000 rows from PostgreSQL each keystroke. Each search first reads only the
/// vectors stored since the last look (an indexed query that is usually empty), so every host of a
/// cluster catches up with what the others embedded. The look-back overlaps by a few seconds and rows
/// are de-duplicated by id, so a transaction that commits late with an earlier timestamp is still seen.
/// </summary>
public sealed class ThemeVectorIndex
{
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<(Guid Workshop, Guid Theme, string Model), Theme> _themes = new();

    public sealed record Snapshot(VectorSet Vectors, Guid[] Ids);

    public async Task<Snapshot> ForThemeAsync(IQuerySession session, string model, Guid workshopId, Guid themeId, CancellationToken cancellation = default)
    {
        var theme = _themes.GetOrAdd((workshopId, themeId, model), _ => new Theme());
        await theme.Gate.WaitAsync(cancellation);
        try
        {
            var since = theme.Mark - Overlap;
            var fresh = await session.Query<ContributionEmbedding>()
                .Where(e => e.WorkshopId == workshopId && e.ThemeId == themeId && e.Model == model && e.EmbeddedAt >= since)
                .OrderBy(e => e.EmbeddedAt).ToListAsync(cancellation);
            foreach (var e in fresh)
            {
                theme.Add(e.Id, VectorMath.FromBytes(e.Vector));
                if (e.EmbeddedAt > theme.Mark) theme.Mark = e.EmbeddedAt;
            }
            return theme.Snapshot();
        }
        finally { theme.Gate.Release(); }
    }

    private sealed class Theme
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public DateTimeOffset Mark = DateTimeOffset.MinValue + Overlap;
        private readonly Dictionary<Guid, int> _rowOf = [];
        private Guid[] _ids = new Guid[64];
        private float[] _buffer = [];
        private int _count;
        private int _dimensions;

        /// <summary>A new contribution appends a row; an edited one overwrites its row in place (readers see old or new, both unit vectors).</summary>
        public void Add(Guid id, float[] vector)
        {
            if (_dimensions == 0) { _dimensions = vector.Length; _buffer = new float[64 * _dimensions]; }
            if (vector.Length != _dimensions) return;
            if (_rowOf.TryGetValue(id, out var row))
            {
                vector.CopyTo(_buffer.AsSpan(row * _dimensions, _dimensions));
                return;
            }
            if ((_count + 1) * _dimensions > _buffer.Length)
            {
                // A grown copy: snapshots already handed out keep the old buffer, unchanged.
                Array.Resize(ref _buffer, _buffer.Length * 2);
                Array.Resize(ref _ids, _ids.Length * 2);
            }
            vector.CopyTo(_buffer.AsSpan(_count * _dimensions, _dimensions));
            _ids[_count] = id;
            _rowOf[id] = _count++;
        }

        public Snapshot Snapshot() => new(VectorSet.Over(_buffer, _count, _dimensions), _ids);
    }
}
