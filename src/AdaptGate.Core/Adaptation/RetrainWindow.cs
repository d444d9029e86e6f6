using System.Globalization;

namespace AdaptGate.Core.Adaptation;

/// <summary>
/// The policy's <c>retrain.window</c>: which training rows a retrain is fitted on. The held-out rows are never among
/// them, so every candidate is still measured on rows none was trained on.
/// </summary>
public readonly record struct RetrainWindow(RetrainWindowKind Kind, int Last)
{
    public const string ReferenceAndCurrent = "reference+current";

    public const string Current = "current";

    public const string Hint = "Write \"reference+current\" (every training row of both files, the default), \"current\" (the current file's only) or \"last:N\" (the newest N training rows, such as \"last:5000\").";

    public static bool TryParse(string? text, out RetrainWindow window)
    {
        window = default;
        switch (text)
        {
            case ReferenceAndCurrent:
                return true;
            case Current:
                window = new RetrainWindow(RetrainWindowKind.Current, 0);
                return true;
            case not null when text.StartsWith("last:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                window = new RetrainWindow(RetrainWindowKind.Last, n);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A window the policy validator has accepted.</summary>
    public static RetrainWindow Parse(string text) => TryParse(text, out var window) ? window : throw new InputException($"Unknown retrain window '{text}'.", hint: Hint);

    public string Describe() => Kind switch
    {
        RetrainWindowKind.Current => "current: a retrain learns from the current training rows only",
        RetrainWindowKind.Last => $"last:{Last.ToString(CultureInfo.InvariantCulture)}: a retrain learns from the newest {Last.ToString("N0", CultureInfo.InvariantCulture)} training rows (the current file's last rows first)",
        _ => "reference+current: a retrain learns from every training row of both files",
    };
}

public enum RetrainWindowKind
{
    ReferenceAndCurrent,
    Current,
    Last,
}
