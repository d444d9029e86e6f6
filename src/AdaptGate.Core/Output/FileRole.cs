namespace AdaptGate.Core.Output;

/// <summary>A file a command reads or writes, with the role a message names it by, such as "the policy (--policy)".</summary>
public sealed record FileRole(string Role, string Path);
