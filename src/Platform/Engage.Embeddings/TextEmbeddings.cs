using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Engage.Embeddings;

/// <summary>
/// The sentence-embedding model Engage uses, chosen by configuration (<c>Embeddings:Model</c> = MiniLM, the
/// default; ArcticXs; or Off). Loaded on first use (about half a second), shared by every module. When
/// switched off, <see cref="Enabled"/> is false and callers use their lexical methods instead.
/// </summary>
public sealed class TextEmbeddings : IDisposable
{
    private readonly Lazy<SentenceEmbedder>? _embedder;

    public EmbeddingModel? Model { get; }
    public bool Enabled => Model is not null;

    public TextEmbeddings(EmbeddingModel? model, ILogger<TextEmbeddings>? log = null)
    {
        Model = model;
        if (model is null) return;
        _embedder = new Lazy<SentenceEmbedder>(() =>
        {
            var embedder = SentenceEmbedder.Load(model);
            log?.LogInformation("Loaded sentence-embedding model {Model} ({Dimensions} dimensions)", model.Name, embedder.Dimensions);
            return embedder;
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The loaded model; only when <see cref="Enabled"/>.</summary>
    public SentenceEmbedder Embedder => _embedder?.Value ?? throw new InvalidOperationException("Sentence embeddings are switched off (Embeddings:Model = Off).");

    /// <summary>Texts this host has embedded (lets tests see that nothing is embedded twice).</summary>
    public long TextsEmbedded => _embedder is { IsValueCreated: true } ? _embedder.Value.TextsEmbedded : 0;

    /// <summary>The model name stored beside each vector, so vectors of two models are never compared.</summary>
    public string ModelName => Model?.Name ?? "Off";

    public static EmbeddingModel? FromConfiguration(IConfiguration configuration)
    {
        var name = configuration["Embeddings:Model"];
        if (string.IsNullOrWhiteSpace(name)) return EmbeddingModel.MiniLm;
        if (string.Equals(name, "Off", StringComparison.OrdinalIgnoreCase)) return null;
        return EmbeddingModel.Named(name)
               ?? throw new InvalidOperationException($"Embeddings:Model '{name}' is not a known model: use MiniLM, ArcticXs or Off.");
    }

    public void Dispose()
    {
        if (_embedder is { IsValueCreated: true }) _embedder.Value.Dispose();
    }
}

public static class EmbeddingsRegistration
{
    /// <summary>One model for the whole host; an unknown model name stops start-up rather than silently falling back.</summary>
    public static IServiceCollection AddEngageEmbeddings(this IServiceCollection services, IConfiguration configuration)
    {
        var model = TextEmbeddings.FromConfiguration(configuration);
        services.TryAddSingleton(sp => new TextEmbeddings(model, sp.GetService<ILogger<TextEmbeddings>>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, LoadModelAtStart>());
        return services;
    }
}

/// <summary>
/// Loads the model while the host starts (about half a second), so the first contribution's embedding
/// does not pay for it while the queue waits, and a broken model package stops start-up instead of every message.
/// </summary>
internal sealed class LoadModelAtStart(TextEmbeddings embeddings) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (embeddings.Enabled) _ = embeddings.Embedder.Dimensions;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
