namespace Engage.Platform.Web;

/// <summary>
/// A step that cannot be taken back (or not easily) asks first, on a page of its own that works without
/// JavaScript: what will happen, who will see it, a button that does it and a way back. The form posts
/// to the page that does the step, so its rules and errors stay where they were.
/// </summary>
/// <param name="Heading">The question, e.g. "Close the workshop now?".</param>
/// <param name="WhatHappens">Each consequence, in plain words.</param>
/// <param name="WhoSees">Who will see the result.</param>
/// <param name="Action">Where the form posts (the page handler that takes the step).</param>
/// <param name="Button">The button's words, e.g. "Yes, close it now".</param>
/// <param name="Back">Where "No" goes.</param>
/// <param name="Undo">Whether, and how, it can be undone; null when it cannot.</param>
public sealed record Confirmation(string Heading, IReadOnlyList<string> WhatHappens, string WhoSees, string Action, string Button, string Back,
    string? Undo = null)
{
    /// <summary>Hidden form fields carried to the step (a title typed on the page before).</summary>
    public IReadOnlyDictionary<string, string?> Fields { get; init; } = new Dictionary<string, string?>();
}
