using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.Platform.Web;

/// <summary>
/// How big a request body may be. Every form field and JSON command Engage takes is small, so bodies
/// are capped at <see cref="MaxRequestBytes"/>; file uploads (multipart) at <see cref="MaxUploadBytes"/>;
/// an endpoint that needs another cap says so with <c>[RequestSizeLimit]</c>. Settings:
/// <c>Limits:MaxRequestBytes</c>, <c>Limits:MaxUploadBytes</c>.
/// </summary>
public sealed class RequestLimitOptions
{
    public long MaxRequestBytes { get; set; } = 1024 * 1024;
    // Two Polis export files of up to 25 MB each, with room for the multipart framing.
    public long MaxUploadBytes { get; set; } = 52 * 1024 * 1024;
}

public static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services, IConfiguration config) =>
        services.AddSingleton(config.GetSection("Limits").Get<RequestLimitOptions>() ?? new RequestLimitOptions());

    /// <summary>
    /// After routing (the endpoint's own limit is known), before authentication and anything that reads
    /// the body: a declared length over the cap is refused with 413 before a byte is read; a body that
    /// declares nothing (chunked) is cut off at the cap as it is read.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = LimitFor(context);
        if (limit is null)
        {
            await next(context);
            return;
        }

        if (context.Request.ContentLength > limit)
        {
            await TooLarge(context, limit.Value);
            return;
        }

        // Kestrel enforces the cap itself for bodies of unknown length; the wrapper does for any server.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        context.Request.Body = new CappedStream(context.Request.Body, limit.Value);
        await next(context);
    });

    private static long? LimitFor(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<RequestLimitOptions>();
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is { } declared) return declared.MaxRequestBodySize;
        return context.Request.HasFormContentType && context.Request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            ? options.MaxUploadBytes
            : options.MaxRequestBytes;
    }

    private static async Task TooLarge(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        // The body is not read; the connection should not be reused for whatever of it follows.
        context.Response.Headers.Connection = "close";
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = 413, Title = "Too large",
                Detail = $"The request is over the limit of {Describe(limit)} for {context.Request.Method} {context.Request.Path}."
            }
        });
    }

    public static string Describe(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / 1024 / 1024} MB" : $"{bytes / 1024} KB";

    /// <summary>Reads through to the request body and fails, as Kestrel does, once more than the cap has come.</summary>
    private sealed class CappedStream(Stream inner, long cap) : Stream
    {
        private long read;

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            Count(await inner.ReadAsync(buffer, ct));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
            ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

        private int Count(int n)
        {
            read += n;
            if (read > cap)
                throw new BadHttpRequestException($"The request body is over the limit of {Describe(cap)}.", StatusCodes.Status413PayloadTooLarge);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
