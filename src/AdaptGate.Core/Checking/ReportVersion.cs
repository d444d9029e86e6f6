using System.Reflection;

namespace AdaptGate.Core.Checking;

internal static class ReportVersion
{
    /// <summary>The product version without the "+commit" suffix, so reports stay readable and stable.</summary>
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(ReportVersion).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
