using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace AdaptGate.Core.Policy.Json;

/// <summary>
/// Spells out, in the document read from the file, every key the file leaves out, with the model's default.
/// </summary>
/// <remarks>
/// Source-generated deserialisation sets init-only properties through an object initializer that
/// assigns every property, so a key absent from the file would get default(T) (0, null) instead of
/// the record's default (dotnet/runtime#84484). Filling the gaps from the serialised defaults first
/// makes "absent" mean "default", including nested defaults that differ from their type's own
/// (rules.metricCollapse is a MetricDropRule with larger drops than a new MetricDropRule).
/// </remarks>
internal static class JsonDefaults
{
    /// <param name="user">The value as written in the file.</param>
    /// <param name="defaults">The default value at the same place, or null to take the type's own default.</param>
    /// <param name="type">The model type at this place.</param>
    /// <param name="options">Options whose resolver knows every model type.</param>
    public static JsonNode? Fill(JsonNode? user, JsonNode? defaults, Type type, JsonSerializerOptions options)
    {
        if (user is not JsonObject written)
        {
            return user?.DeepClone();
        }

        var info = options.GetTypeInfo(Nullable.GetUnderlyingType(type) ?? type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Object:
                var result = defaults is JsonObject given ? (JsonObject)given.DeepClone() : OwnDefaults(info);
                foreach (var (key, value) in written)
                {
                    var property = info.Properties.FirstOrDefault(p => p.Name == key);
                    // An unknown key is copied as is: the strict deserialiser then names it, with its path.
                    result[key] = property is null ? value?.DeepClone() : Fill(value, result[key], property.PropertyType, options);
                }

                return result;
            case JsonTypeInfoKind.Dictionary:
                var entries = new JsonObject();
                foreach (var (key, value) in written)
                {
                    entries[key] = Fill(value, null, info.ElementType!, options);
                }

                return entries;
            default:
                return written.DeepClone();
        }
    }

    // Policy records all have a public parameterless constructor that sets their defaults.
    private static JsonObject OwnDefaults(JsonTypeInfo info) =>
        JsonSerializer.SerializeToNode(Activator.CreateInstance(info.Type), info) as JsonObject ?? [];
}
