using AdaptGate.Core.Data;

namespace AdaptGate.Core.Checking;

/// <summary>Reads columns as the kind the policy says, where it overrides the inferred one.</summary>
internal static class KindOverrides
{
    public static DataTable Apply(CheckSettings settings, DataTable table)
    {
        if (!settings.Policy.Columns.Values.Any(c => c.Kind is not null))
        {
            return table;
        }

        var columns = table.Columns
            .Select(column => settings.KindFor(column.Name) is { } kind ? KindConversion.Convert(column, kind, table.SourcePath) : column)
            .ToArray();
        return table.WithColumns(columns);
    }
}
