using Engage.Methods.Clustering;
using Engage.Methods.Terms;
using Engage.Methods.Vectors;

namespace Engage.UnitTests.MethodsTests;

internal static class Blobs
{
    /// <summary>Unit vectors around <paramref name="centres"/> well-separated directions, with seeded noise; the true cluster of each.</summary>
    public static (VectorSet Set, int[] Truth) Make(int centres, int perCentre, int dimensions = 24, double noise = 0.15, int seed = 3)
    {
        var random = new Random(seed);
        var rows = new List<float[]>();
        var truth = new List<int>();
        for (var i = 0; i < perCentre; i++)
            for (var c = 0; c < centres; c++)
            {
                var v = new float[dimensions];
                v[c] = 1;
                for (var d = 0; d < dimensions; d++) v[d] += (float)((random.NextDouble() - 0.5) * 2 * noise);
                VectorMath.Normalize(v);
                rows.Add(v);
                truth.Add(c);
            }
        return (VectorSet.From(rows), truth.ToArray());
    }

    /// <summary>True when two labelings put the same rows together (the cluster numbers themselves may differ).</summary>
    public static bool SamePartition(int[] a, int[] b) =>
        a.Length == b.Length && Enumerable.Range(0, a.Length).All(i => Enumerable.Range(0, a.Length).All(j => (a[i] == a[j]) == (b[i] == b[j])));
}

public class vector_maths
{
    [Fact]
    public void the_simd_dot_product_equals_the_plain_sum_for_every_length()
    {
        var random = new Random(1);
        foreach (var length in new[] { 1, 7, 8, 9, 31, 384, 385 })
        {
            var a = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            var b = Enumerable.Range(0, length).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
            var plain = 0.0;
            for (var i = 0; i < length; i++) plain += a[i] * b[i];
            Assert.Equal(plain, VectorMath.Dot(a, b), 4);
        }
    }

    [Fact]
    public void a_normalised_vector_has_unit_length_and_a_zero_vector_stays_zero()
    {
        var v = new float[] { 3, 4, 0, 0, 0, 0, 0, 0, 0, 12 };
        VectorMath.Normalize(v);
        Assert.Equal(1, VectorMath.Dot(v, v), 5);
        Assert.Equal(3f / 13, v[0], 5);
        var zero = new float[5];
        VectorMath.Normalize(zero);
        Assert.All(zero, x => Assert.Equal(0, x));
        Assert.Equal(0, VectorMath.Cosine(zero, v));
    }

    [Fact]
    public void a_vector_survives_its_stored_form_exactly()
    {
        var v = new[] { 0.1f, -2.5f, float.Epsilon, 1e30f };
        Assert.Equal(v, VectorMath.FromBytes(VectorMath.ToBytes(v)));
        Assert.Equal(16, VectorMath.ToBytes(v).Length);
        Assert.Throws<ArgumentException>(() => VectorMath.FromBytes(new byte[5]));
    }

    [Fact]
    public void vectors_of_different_lengths_are_refused()
    {
        Assert.Throws<ArgumentException>(() => VectorMath.Dot(new float[3], new float[4]));
        Assert.Throws<ArgumentException>(() => VectorSet.From([new float[3], new float[4]]));
    }
}

public class nearest_neighbours
{
    [Fact]
    public void the_exact_search_returns_what_sorting_every_similarity_returns()
    {
        var (set, _) = Blobs.Make(5, 40, noise: 0.6);
        var query = set[17].ToArray();
        var expected = Enumerable.Range(0, set.Count).Select(i => (i, s: VectorMath.Dot(set[i], query)))
            .OrderByDescending(x => x.s).ThenBy(x => x.i).Take(6).Select(x => x.i).ToList();

        var found = NearestNeighbours.Find(set, query, 6);

        Assert.Equal(expected, found.Select(n => n.Index).ToList());
        Assert.Equal(17, found[0].Index);
        Assert.True(found.Zip(found.Skip(1)).All(p => p.First.Similarity >= p.Second.Similarity));
    }

    [Fact]
    public void neighbours_below_the_threshold_or_excluded_are_left_out()
    {
        var (set, truth) = Blobs.Make(3, 10, noise: 0.1);
        var query = set[0].ToArray();

        var found = NearestNeighbours.Find(set, query, 50, minimum: 0.8f, include: i => i != 0);

        Assert.NotEmpty(found);
        Assert.DoesNotContain(found, n => n.Index == 0);
        Assert.All(found, n => Assert.Equal(truth[0], truth[n.Index]));
        Assert.All(found, n => Assert.True(n.Similarity >= 0.8f));
    }
}

public class k_means_over_embeddings
{
    [Fact]
    public void well_separated_groups_are_found_exactly()
    {
        var (set, truth) = Blobs.Make(4, 25);
        var partition = KMeans.Run(set, 4, seed: 1);
        Assert.True(Blobs.SamePartition(truth, partition.Assignments));
        Assert.Equal(4, partition.K);
    }

    [Fact]
    public void the_same_seed_gives_the_same_partition_and_another_seed_may_differ_only_in_numbering()
    {
        var (set, _) = Blobs.Make(6, 30, noise: 0.5);
        var a = KMeans.Run(set, 6, seed: 5);
        var b = KMeans.Run(set, 6, seed: 5);
        Assert.Equal(a.Assignments, b.Assignments);
        Assert.Equal(a.Cohesion, b.Cohesion);
    }

    [Fact]
    public void more_clusters_than_rows_gives_one_cluster_a_row()
    {
        var (set, _) = Blobs.Make(2, 2);
        var partition = KMeans.Run(set, 10, seed: 1);
        Assert.Equal(4, partition.K);
        Assert.Equal(4, partition.Assignments.Distinct().Count());
    }
}

public class choosing_the_number_of_clusters
{
    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(8)]
    public void the_silhouette_picks_the_planted_number(int planted)
    {
        var (set, _) = Blobs.Make(planted, 30, noise: 0.2);
        var choice = ClusterCount.Choose(set, 2, 15, seed: 1);
        Assert.Equal(planted, choice.K);
        Assert.Equal(14, choice.SilhouetteByK.Count);
    }

    [Fact]
    public void a_large_set_is_judged_on_a_seeded_sample_of_the_same_rows_each_time()
    {
        Assert.Equal(ClusterCount.Sample(10_000, 500, 4), ClusterCount.Sample(10_000, 500, 4));
        Assert.Equal(500, ClusterCount.Sample(10_000, 500, 4).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 30), ClusterCount.Sample(30, 500, 4));
    }
}

public class class_based_tfidf
{
    [Fact]
    public void a_word_frequent_in_one_cluster_outranks_a_word_used_everywhere()
    {
        IReadOnlyList<string>[] documents =
        [
            ["study", "time", "training"], ["study", "leave", "training"], ["time", "study"],
            ["parking", "time", "car"], ["parking", "permit", "time"],
        ];
        var terms = ClassTfidf.TopTerms(documents, [0, 0, 0, 1, 1], 2, 10);

        Assert.Equal("study", terms[0][0].Term);
        Assert.Equal("parking", terms[1][0].Term);
        Assert.True(terms[0].Single(t => t.Term == "study").Weight > terms[0].Single(t => t.Term == "time").Weight);
    }

    [Fact]
    public void rows_left_out_of_every_cluster_add_no_terms()
    {
        IReadOnlyList<string>[] documents = [["alpha"], ["beta"]];
        var terms = ClassTfidf.TopTerms(documents, [0, -1], 1, 5);
        Assert.Equal(["alpha"], terms[0].Select(t => t.Term));
    }
}
