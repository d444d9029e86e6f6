using System.Globalization;

namespace AdaptGate.Core.Reports;

/// <summary>The line the text and Markdown reports print when --top left columns out.</summary>
public static class TopText
{
    public static string LeftOut(int shown, int leftOut, int leftOutDrifted) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Showing the {shown} most drifted of {shown + leftOut} columns (--top {shown}): {leftOut} left out, {leftOutDrifted} of them drifted. The JSON report has every column.");
}
