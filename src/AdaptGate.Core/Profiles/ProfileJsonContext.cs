using System.Text.Json.Serialization;

namespace AdaptGate.Core.Profiles;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(ProfileBody))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
