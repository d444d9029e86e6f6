using System.Text;
using System.Text.Json;

namespace AdaptGate.Core.Adaptation.Recipes;

/// <summary>Writes a recipe as the reader reads it (docs/recipe.schema.json), keys in a fixed order, so the same recipe gives the same bytes.</summary>
public static class RecipeWriter
{
    /// <summary>The schema's <c>$id</c>, written as the recipe's "$schema".</summary>
    public const string SchemaId = "https://adaptgate.dev/schema/recipe.schema.json";

    public static string Write(TrainingRecipe recipe)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString(RecipeReader.SchemaKey, SchemaId);
            json.WriteString("label", recipe.Label);
            json.WriteStartArray("columns");
            foreach (var column in recipe.Columns)
            {
                json.WriteStartObject();
                json.WriteString("name", column.Name);
                json.WriteString("kind", column.Kind);
                if (column.Role != "feature")
                {
                    json.WriteString("role", column.Role);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("steps");
            foreach (var step in recipe.Steps)
            {
                json.WriteStartObject();
                json.WriteString("step", step.Step);
                Strings(json, "columns", step.Columns);
                if (step.Output is { } output)
                {
                    json.WriteString("output", output);
                }

                Options(json, step.Options);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("trainer");
            json.WriteString("name", recipe.Trainer.Name);
            json.WriteString("features", recipe.Trainer.Features);
            json.WriteStartObject("options");
            Options(json, recipe.Trainer.Options);
            json.WriteEndObject();
            if (recipe.Trainer.Seed is { } seed)
            {
                json.WriteNumber("seed", seed);
            }

            json.WriteEndObject();
            if (recipe.Confirm.Count > 0)
            {
                Strings(json, "confirm", recipe.Confirm);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Strings(Utf8JsonWriter json, string name, IReadOnlyList<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void Options(Utf8JsonWriter json, IReadOnlyDictionary<string, object> options)
    {
        foreach (var (name, value) in options.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            switch (value)
            {
                case bool flag:
                    json.WriteBoolean(name, flag);
                    break;
                case string text:
                    json.WriteString(name, text);
                    break;
                case double number:
                    json.WriteNumber(name, number);
                    break;
                default:
                    json.WriteNumber(name, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
    }
}
