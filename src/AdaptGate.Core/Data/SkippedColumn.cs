namespace AdaptGate.Core.Data;

/// <summary>
/// A column present in the file that was not loaded, with the reason. Parquet nested or
/// repeated fields and types without a drift meaning (binary, time of day) end up here, so
/// the caller can tell the user instead of silently dropping them.
/// </summary>
public sealed record SkippedColumn(string Name, string Reason);
