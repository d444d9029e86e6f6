using System.Globalization;
using System.Text.RegularExpressions;

namespace AdaptGate.Core;

/// <summary>
/// Keeps names short in messages. A column, file or metric name comes from the user's data and can be megabytes long
/// (a header without line breaks, a generated file name); a message then names it by its start and its length.
/// </summary>
public static partial class MessageText
{
    /// <summary>Names up to this long are shown whole (a deep path is still readable).</summary>
    public const int LongestWholeName = 200;

    /// <summary>How much of a longer name a message shows.</summary>
    public const int ShownLength = 80;

    /// <summary>The name itself, or its first <see cref="ShownLength"/> characters and "…(N chars)".</summary>
    public static string Name(string name) =>
        name.Length <= LongestWholeName
            ? name
            : string.Create(CultureInfo.InvariantCulture, $"{name[..ShownLength]}…({name.Length:N0} chars)");

    /// <summary>
    /// Shortens, in a finished message, every quoted span ('…' or "…", as messages quote names) and every run without
    /// a space longer than <see cref="LongestWholeName"/>: the last guard before a message is printed.
    /// </summary>
    public static string ShortenNames(string message) =>
        message.Length <= LongestWholeName
            ? message
            : LongRun().Replace(Quoted().Replace(message, m => m.Groups["q"].Value + Name(m.Groups["name"].Value) + m.Groups["q"].Value), m => Name(m.Value));

    [GeneratedRegex(@"(?<q>['""])(?<name>[^'""]{201,})\k<q>", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex(@"[^\s'""]{201,}", RegexOptions.CultureInvariant)]
    private static partial Regex LongRun();
}
