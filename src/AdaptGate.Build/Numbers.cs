using System.Globalization;

namespace AdaptGate.Build;

/// <summary>Numbers as MSBuild properties and metadata carry them: invariant, round-trippable, empty for none.</summary>
internal static class Numbers
{
    public static string Format(double? value) => value is { } v ? v.ToString("R", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>For messages people read: four significant digits are enough to see a close call.</summary>
    public static string Short(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
