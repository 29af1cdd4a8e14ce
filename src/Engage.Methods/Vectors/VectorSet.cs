namespace Engage.Methods.Vectors;

/// <summary>
/// Many unit vectors of one dimension in one contiguous array, row after row, so a scan reads memory
/// in order. 100,000 x 384 floats is 147 MB.
/// </summary>
public sealed class VectorSet
{
    private readonly float[] _data;

    public int Count { get; }
    public int Dimensions { get; }

    public VectorSet(int count, int dimensions)
    {
        Count = count;
        Dimensions = dimensions;
        _data = new float[(long)count * dimensions];
    }

    private VectorSet(float[] data, int count, int dimensions)
    {
        if ((long)count * dimensions > data.Length) throw new ArgumentException("The buffer is smaller than the rows it should hold.");
        _data = data;
        Count = count;
        Dimensions = dimensions;
    }

    /// <summary>
    /// The first <paramref name="count"/> rows of a buffer that may be longer: a growing index hands out
    /// views like this, and rows written past a view's count later never change what the view sees.
    /// </summary>
    public static VectorSet Over(float[] buffer, int count, int dimensions) => new(buffer, count, dimensions);

    public static VectorSet From(IReadOnlyList<float[]> rows)
    {
        if (rows.Count == 0) return new VectorSet(0, 0);
        var set = new VectorSet(rows.Count, rows[0].Length);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != set.Dimensions) throw new ArgumentException($"Vector {i} has {rows[i].Length} dimensions, not {set.Dimensions}.");
            rows[i].CopyTo(set.Row(i));
        }
        return set;
    }

    public Span<float> Row(int i) => _data.AsSpan(i * Dimensions, Dimensions);

    public ReadOnlySpan<float> this[int i] => _data.AsSpan(i * Dimensions, Dimensions);

    /// <summary>The rows at the given positions, as a new set.</summary>
    public VectorSet Subset(IReadOnlyList<int> rows)
    {
        var set = new VectorSet(rows.Count, Dimensions);
        for (var i = 0; i < rows.Count; i++) this[rows[i]].CopyTo(set.Row(i));
        return set;
    }
}
