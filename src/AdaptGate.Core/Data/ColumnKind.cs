namespace AdaptGate.Core.Data;

/// <summary>What a column holds, as inferred from its values or set by the policy.</summary>
public enum ColumnKind
{
    Numeric,
    Boolean,
    Categorical,
    Datetime,
}
