using AdaptGate.Core.Data;
using AdaptGate.Core.Profiles;

namespace AdaptGate.Core.Sql;

/// <summary>A profile computed by a SQL engine, and the source's columns it could not summarise, each with the reason.</summary>
public sealed record SqlProfile(ProfileBody Body, IReadOnlyList<SkippedColumn> Skipped);
