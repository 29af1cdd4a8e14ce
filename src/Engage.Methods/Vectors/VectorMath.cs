using System.Numerics;
using System.Runtime.InteropServices;

namespace Engage.Methods.Vectors;

/// <summary>Dense float vectors with the hardware's SIMD width (AVX2 gives 8 floats per step).</summary>
public static class VectorMath
{
    public static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("Vectors of different lengths.");
        var sum = Vector<float>.Zero;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            for (var j = 0; j < va.Length; j++) sum += va[j] * vb[j];
            i = va.Length * Vector<float>.Count;
        }
        var dot = Vector.Sum(sum);
        for (; i < a.Length; i++) dot += a[i] * b[i];
        return dot;
    }

    /// <summary>target += source.</summary>
    public static void Add(Span<float> target, ReadOnlySpan<float> source)
    {
        if (target.Length != source.Length) throw new ArgumentException("Vectors of different lengths.");
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var vt = MemoryMarshal.Cast<float, Vector<float>>(target);
            var vs = MemoryMarshal.Cast<float, Vector<float>>(source);
            for (var j = 0; j < vt.Length; j++) vt[j] += vs[j];
            i = vt.Length * Vector<float>.Count;
        }
        for (; i < target.Length; i++) target[i] += source[i];
    }

    /// <summary>Scales to unit length; a zero vector stays zero (it then matches nothing).</summary>
    public static void Normalize(Span<float> v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        if (norm == 0 || float.IsNaN(norm)) return;
        var inverse = 1 / norm;
        for (var i = 0; i < v.Length; i++) v[i] *= inverse;
    }

    /// <summary>Cosine similarity; for unit vectors this is their dot product.</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var denominator = MathF.Sqrt(Dot(a, a) * Dot(b, b));
        return denominator == 0 ? 0 : Dot(a, b) / denominator;
    }

    /// <summary>Little-endian float32 bytes: the form vectors are stored in (4 bytes a dimension).</summary>
    public static byte[] ToBytes(ReadOnlySpan<float> v) => MemoryMarshal.AsBytes(v).ToArray();

    public static float[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(float) != 0) throw new ArgumentException("A stored vector's length is not a whole number of floats.");
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }
}
