namespace Engage.Platform;

/// <summary>
/// Handlers take <c>DateTimeOffset now</c> instead of reading the clock (STYLE.md, habit 7); Wolverine
/// fills that parameter from the registered <see cref="TimeProvider"/>, which tests replace.
/// </summary>
public static class Clock
{
    public static DateTimeOffset Now(this TimeProvider time) => time.GetUtcNow();
}
