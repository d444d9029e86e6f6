using System;
using System.Globalization;
using System.Text;

namespace AdaptGate.Build;

/// <summary>
/// MSBuild's own escaping (%XX for the characters it gives a meaning), for item specs built from data:
/// a column named "a;b" or "$(x)" must stay one item with that name. ITaskItem2.SetMetadataValueLiteral
/// does this for metadata; item specs have no literal setter.
/// </summary>
internal static class MsBuildEscaping
{
    private static readonly char[] Special = "%*?@$();'".ToCharArray();

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Array.IndexOf(Special, c) >= 0)
            {
                builder.Append('%').Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
