using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace AdaptGate.Core.Policy.Json;

/// <summary>What the serializer's metadata says about one place in a document.</summary>
/// <param name="Type">The .NET type a value there must have (null when the path leads nowhere).</param>
/// <param name="Nullable">Whether null is accepted there.</param>
/// <param name="ObjectKeys">When the place holds a record, the JSON names of its properties in declaration order.</param>
internal sealed record JsonShapeAt(Type? Type, bool Nullable, IReadOnlyList<string>? ObjectKeys);

/// <summary>
/// Walks the source-generated metadata along a JSON path, so error messages can say which keys an
/// object takes and what type a value must have, from the model itself rather than a copy of it.
/// </summary>
internal sealed class JsonShape(JsonSerializerOptions options, Type root)
{
    public JsonShapeAt At(IReadOnlyList<JsonPathSegment> segments)
    {
        Type? type = root;
        var nullable = false;
        foreach (var segment in segments)
        {
            if (type is null)
            {
                break;
            }

            var info = options.GetTypeInfo(Underlying(type));
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object when segment.Name is { } name:
                    var property = info.Properties.FirstOrDefault(p => p.Name == name);
                    type = property?.PropertyType;
                    nullable = property is not null && (property.IsSetNullable || System.Nullable.GetUnderlyingType(property.PropertyType) is not null);
                    break;
                case JsonTypeInfoKind.Dictionary when segment.Name is not null:
                case JsonTypeInfoKind.Enumerable when segment.Name is null:
                    type = info.ElementType;
                    // Metadata has no nullability for elements; the model never wants a null element.
                    nullable = type is not null && System.Nullable.GetUnderlyingType(type) is not null;
                    break;
                default:
                    type = null;
                    break;
            }
        }

        return new JsonShapeAt(type, nullable, type is null ? null : KeysOf(type));
    }

    /// <summary>The JSON names of a record's properties, or null when the type is not a record (a dictionary, a list, a scalar).</summary>
    public IReadOnlyList<string>? KeysOf(Type type)
    {
        var info = options.GetTypeInfo(Underlying(type));
        return info.Kind == JsonTypeInfoKind.Object ? info.Properties.Select(p => p.Name).ToArray() : null;
    }

    public JsonTypeInfoKind KindOf(Type type) => options.GetTypeInfo(Underlying(type)).Kind;

    /// <summary>The JSON names of an enum's values, as the serializer writes them.</summary>
    public IReadOnlyList<string> EnumNames(Type type)
    {
        var enumType = Underlying(type);
        return Enum.GetValuesAsUnderlyingType(enumType).Cast<object>()
            .Select(v => JsonSerializer.Serialize(Enum.ToObject(enumType, v), enumType, options).Trim('"'))
            .ToArray();
    }

    /// <summary>"a number", "true or false", "one of: a, b", ...: what a person must write for this type.</summary>
    public string Describe(Type type, bool nullable)
    {
        var plain = Underlying(type);
        var text = plain switch
        {
            _ when plain == typeof(double) || plain == typeof(float) || plain == typeof(decimal) => "a number",
            _ when plain == typeof(int) || plain == typeof(long) => "a whole number",
            _ when plain == typeof(bool) => "true or false",
            _ when plain == typeof(string) => "a string in double quotes",
            _ when plain.IsEnum => "one of " + string.Join(", ", EnumNames(plain).Select(n => $"\"{n}\"")),
            _ => KindOf(plain) switch
            {
                JsonTypeInfoKind.Dictionary => "an object of names and values ({ \"name\": ... })",
                JsonTypeInfoKind.Enumerable => "a list ([ ... ])",
                _ => "an object ({ ... })",
            },
        };
        return nullable ? text + ", or null" : text;
    }

    private static Type Underlying(Type type) => System.Nullable.GetUnderlyingType(type) ?? type;
}
