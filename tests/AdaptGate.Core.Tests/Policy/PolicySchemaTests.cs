using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Policy.Json;

namespace AdaptGate.Core.Tests.Policy;

/// <summary>
/// docs/adaptgate.schema.json and the C# model describe the same file: every property of every record
/// is in the schema under the same name, with the default `adaptgate init` writes, and the same enum values.
/// </summary>
public sealed class PolicySchemaTests
{
    private static readonly JsonSerializerOptions Options = PolicyJsonContext.Default.Options;
    private readonly JsonObject _schema = JsonNode.Parse(PolicySchema.Json)!.AsObject();

    [Fact]
    public void Schema_identifies_itself()
    {
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)_schema["$schema"]);
        Assert.Equal(PolicySchema.Id, (string?)_schema["$id"]);
    }

    [Fact]
    public void Every_record_property_is_in_the_schema_with_its_default()
    {
        var initOutput = JsonNode.Parse(PolicyWriter.Write(new GatePolicy()))!.AsObject();
        Assert.Equal(PolicyWriter.SchemaReference, (string?)initOutput["$schema"]);

        var checkedProperties = Compare(typeof(GatePolicy), _schema, initOutput, "$", root: true);

        // GatePolicy and the records under it hold 88 properties (ColumnPolicy's 5 included): a smaller
        // number would mean the walk skipped part of the model.
        Assert.Equal(88, checkedProperties);
    }

    [Fact]
    public void Every_object_in_the_schema_refuses_unknown_keys()
    {
        foreach (var (path, node) in Objects(_schema, "#"))
        {
            Assert.True(node["additionalProperties"] is JsonValue value && !value.GetValue<bool>(), $"{path} lacks \"additionalProperties\": false");
        }
    }

    [Fact]
    public void Jensen_Shannon_maximum_is_the_validator_s()
    {
        var thresholds = _schema["properties"]!["drift"]!["properties"]!["thresholds"]!["properties"]!;

        Assert.Equal(PolicyValidator.JensenShannonMax, thresholds["jensenShannon"]!["maximum"]!.GetValue<double>());
    }

    [Fact]
    public void Metric_names_and_tasks_are_the_validator_s()
    {
        var properties = _schema["properties"]!;

        Assert.Equal(AdaptGate.Core.Metrics.MetricNames.All.Append(null), EnumOf(properties["metrics"]!["properties"]!["primary"]!));
        Assert.Equal(PolicyValidator.Tasks.Append(null), EnumOf(properties["target"]!["properties"]!["task"]!));
    }

    /// <returns>How many properties were compared.</returns>
    private int Compare(Type type, JsonNode schema, JsonNode? defaults, string path, bool root = false)
    {
        var node = Resolve(schema);
        var info = Options.GetTypeInfo(type);
        Assert.Equal(JsonTypeInfoKind.Object, info.Kind);
        Assert.False(node["additionalProperties"]!.GetValue<bool>(), $"{path} must refuse unknown keys");

        var properties = node["properties"]!.AsObject();
        var expected = info.Properties.Select(p => p.Name).Concat(root ? [PolicyErrors.SchemaKey] : []).Order(StringComparer.Ordinal);
        Assert.Equal(expected, properties.Select(p => p.Key).Order(StringComparer.Ordinal));

        var count = 0;
        foreach (var property in info.Properties)
        {
            count++;
            var at = $"{path}.{property.Name}";
            var propertySchema = properties[property.Name]!;
            Assert.False(string.IsNullOrWhiteSpace((string?)propertySchema["description"]), $"{at} has no description");
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var value = defaults?[property.Name];
            var kind = Options.GetTypeInfo(propertyType).Kind;

            if (kind == JsonTypeInfoKind.Object)
            {
                count += Compare(propertyType, propertySchema, value, at);
                continue;
            }

            Assert.True(propertySchema.AsObject().ContainsKey("default"), $"{at} has no default in the schema");
            Assert.True(SameJson(value, propertySchema["default"]), $"{at}: the model's default is {value?.ToJsonString() ?? "null"}, the schema's {propertySchema["default"]?.ToJsonString() ?? "null"}");

            if (propertyType.IsEnum)
            {
                var names = Enum.GetValues(propertyType).Cast<object>().Select(v => JsonSerializer.Serialize(v, propertyType, Options).Trim('"'));
                var nullable = Nullable.GetUnderlyingType(property.PropertyType) is not null;
                Assert.Equal(nullable ? names.Append(null) : names, EnumOf(propertySchema));
            }

            // A dictionary of records (columns): each entry is a record whose own defaults apply.
            if (kind == JsonTypeInfoKind.Dictionary && Options.GetTypeInfo(propertyType).ElementType is { } elementType
                && Options.GetTypeInfo(elementType).Kind == JsonTypeInfoKind.Object)
            {
                var elementDefaults = JsonSerializer.SerializeToNode(Activator.CreateInstance(elementType), elementType, Options);
                count += Compare(elementType, propertySchema["additionalProperties"]!, elementDefaults, at + "[*]");
            }
        }

        return count;
    }

    /// <summary>The values of an enum, through a $ref or an anyOf as the schema writes them.</summary>
    private IEnumerable<string?> EnumOf(JsonNode node)
    {
        if (node["enum"] is JsonArray values)
        {
            return values.Select(v => (string?)v);
        }

        if (node["anyOf"] is JsonArray choices)
        {
            return choices.SelectMany(c => c!["type"]?.GetValue<string>() == "null" ? [null] : EnumOf(c));
        }

        return EnumOf(Resolve(node));
    }

    private JsonNode Resolve(JsonNode node) =>
        node["$ref"] is JsonValue reference && reference.GetValue<string>() is var target && target.StartsWith("#/$defs/", StringComparison.Ordinal)
            ? _schema["$defs"]![target["#/$defs/".Length..]]!
            : node;

    private static bool SameJson(JsonNode? a, JsonNode? b) =>
        a is JsonValue x && b is JsonValue y && x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number
            ? x.GetValue<double>() == y.GetValue<double>()
            : JsonNode.DeepEquals(a, b);

    private static IEnumerable<(string Path, JsonObject Node)> Objects(JsonNode? node, string path)
    {
        if (node is JsonObject obj)
        {
            if (obj.ContainsKey("properties") && (string?)obj["type"] == "object")
            {
                yield return (path, obj);
            }

            foreach (var (key, child) in obj)
            {
                // The if/then clauses only narrow a property's range; they are not objects of the file.
                if (key is "if" or "then")
                {
                    continue;
                }

                foreach (var found in Objects(child, path + "/" + key))
                {
                    yield return found;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                foreach (var found in Objects(array[i], $"{path}/{i}"))
                {
                    yield return found;
                }
            }
        }
    }
}
