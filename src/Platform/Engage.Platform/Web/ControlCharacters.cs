using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Engage.Platform.Web;

/// <summary>
/// Text people write never holds control characters (other than tab and line breaks) or half a
/// surrogate pair. PostgreSQL cannot store U+0000 in JSON (a 500 before this rule), terminal escapes
/// would reach analysts' exports and logs, and a lone surrogate is not text at all, so every door
/// refuses them with a 400 naming the character: JSON bodies as they are read, query strings and form
/// fields before any page or endpoint sees them.
/// </summary>
public static class ControlCharacters
{
    /// <summary>A description of the first character refused in <paramref name="text"/>, or null when it is all text.</summary>
    public static string? Find(string? text)
    {
        if (text is null) return null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                return $"a control character (U+{(int)c:X4}) at position {i + 1}";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return $"an unpaired surrogate (U+{(int)c:X4}) at position {i + 1}";
        }
        return null;
    }

    public static IServiceCollection AddControlCharacterChecks(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new TextOnlyConverter()));

    /// <summary>After authorization (a caller who may not be here is refused without their input being parsed).</summary>
    public static IApplicationBuilder UseControlCharacterChecks(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        foreach (var (name, values) in request.Query)
            if (FirstIn(values) is { } found)
            {
                await Refuse(context, $"The query parameter '{name}' holds {found}.");
                return;
            }

        if (request.HasFormContentType)
        {
            IFormCollection form;
            // ASP.NET's own form reader refuses U+0000 in a field with an exception: still the caller's fault.
            try { form = await request.ReadFormAsync(context.RequestAborted); }
            catch (InvalidDataException e) when (e.InnerException is InvalidOperationException)
            {
                await Refuse(context, "A form field holds a control character (U+0000).");
                return;
            }
            foreach (var (name, values) in form)
                if (FirstIn(values) is { } found)
                {
                    await Refuse(context, $"The form field '{name}' holds {found}.");
                    return;
                }
        }
        await next(context);
    });

    private static string? FirstIn(Microsoft.Extensions.Primitives.StringValues values) =>
        values.Select(Find).FirstOrDefault(f => f is not null);

    private static async Task Refuse(HttpContext context, string detail)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = 400, Title = "The request is not valid", Detail = detail + " Only printable text, tabs and line breaks are accepted." }
        });
    }

    /// <summary>Every JSON string the API reads passes the same rule; the error names the field.</summary>
    private sealed class TextOnlyConverter : JsonConverter<string>
    {
        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            string? text;
            // Bytes that are not UTF-8, or half a surrogate pair written as an escape, are not text either.
            try { text = reader.GetString(); }
            catch (InvalidOperationException e) { throw new JsonException($"A text value is not valid Unicode text ({e.Message})", e); }
            return Find(text) is { } found
                ? throw new JsonException($"A text value holds {found}. Only printable text, tabs and line breaks are accepted.")
                : text;
        }

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
    }
}
