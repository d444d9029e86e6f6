using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AdaptGate.Core.Policy;
using AdaptGate.Core.Policy.Json;

namespace AdaptGate.Core.Adaptation.Recipes;

/// <summary>
/// Reads a recipe file strictly (docs/recipe.schema.json): an unknown key, step, trainer or option, a value of the
/// wrong type or out of range, or a step naming a column the recipe does not have is an <see cref="InputException"/>
/// naming the file, the line and the JSON path, with what to write instead. Whether the recipe fits the data is
/// <see cref="RecipeBinding"/>'s question.
/// </summary>
public static class RecipeReader
{
    public const string SchemaKey = "$schema";

    private static readonly string[] RootKeys = [SchemaKey, "label", "columns", "steps", "trainer", "confirm"];
    private static readonly string[] ColumnKeys = ["name", "kind", "role"];
    private static readonly string[] TrainerKeys = ["name", "features", "options", "seed"];

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <exception cref="InputException">The file is missing, unreadable or not a valid recipe.</exception>
    public static TrainingRecipe Read(string path)
    {
        return Parse(JsonFileText.Read(path, "recipe", "Check the path, or write a starting recipe with 'adaptgate init --recipe --from-model model.zip'."), path);
    }

    /// <remarks><c>path</c>: Names the file in messages.</remarks>
    public static TrainingRecipe Parse(string text, string path)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        JsonLineIndex index;
        JsonNode? root;
        try
        {
            index = JsonLineIndex.Build(utf8);
            root = JsonNode.Parse(utf8, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new InputException(
                $"The recipe is not valid JSON (near {e.Path ?? JsonPathText.Root}): {e.Message.Split(" LineNumber:")[0]}", path, (e.LineNumber ?? 0) + 1,
                hint: "Comments and trailing commas are allowed; everything else must be plain JSON.", inner: e);
        }

        var reader = new Reader(path, index);
        if (index.FirstDuplicate is { } duplicate)
        {
            throw reader.At(duplicate.Path, $"The key at {duplicate.Path} appears twice.", "Keep only one: JSON readers silently use the last.");
        }

        return reader.Recipe(root);
    }

    private sealed class Reader(string file, JsonLineIndex index)
    {
        public InputException At(string path, string message, string hint) => new($"{path}: {message}", file, index.LineOf(path), hint: hint);

        public TrainingRecipe Recipe(JsonNode? node)
        {
            const string at = JsonPathText.Root;
            var root = Object(node, at, RootKeys, "a recipe object: { \"label\": ..., \"columns\": [...], \"steps\": [...], \"trainer\": {...} }");
            var label = String(root, "label", at, required: true, "Name the label column, such as \"label\": \"repaid\".")!;
            var columns = Columns(root, at);
            if (columns.Any(c => c.Name == label))
            {
                var i = columns.FindIndex(c => c.Name == label);
                throw At($"$.columns[{i}].name", $"'{label}' is the label; it cannot also be an input column.", "Remove it from \"columns\": the label is never a feature.");
            }

            var trainer = Trainer(root["trainer"], "$.trainer");
            var steps = Steps(root, columns, trainer);
            var confirm = root["confirm"] is { } c ? Strings(c, "$.confirm", allowEmpty: true) : [];
            return new TrainingRecipe(label, columns, steps, trainer, confirm);
        }

        private List<RecipeColumn> Columns(JsonObject root, string parent)
        {
            var at = JsonPathText.Property(parent, "columns");
            if (root["columns"] is not JsonArray array || array.Count == 0)
            {
                throw At(at, "\"columns\" must be a non-empty list of { \"name\": ..., \"kind\": ... }.", "List every input column the model reads, such as { \"name\": \"income\", \"kind\": \"numeric\" }.");
            }

            var columns = new List<RecipeColumn>();
            for (var i = 0; i < array.Count; i++)
            {
                var item = JsonPathText.Element(at, i);
                var column = Object(array[i], item, ColumnKeys, "a column: { \"name\": ..., \"kind\": ... }");
                var name = String(column, "name", item, required: true, "Write the column's name as the data files have it.")!;
                var kind = Choice(column, "kind", item, RecipeCatalog.Kinds, required: true)!;
                var role = Choice(column, "role", item, RecipeCatalog.Roles, required: false) ?? "feature";
                if (columns.Any(c => c.Name == name))
                {
                    throw At(JsonPathText.Property(item, "name"), $"The column '{name}' is listed twice.", "List each column once.");
                }

                columns.Add(new RecipeColumn(name, kind, role));
            }

            return columns;
        }

        private List<RecipeStep> Steps(JsonObject root, List<RecipeColumn> columns, RecipeTrainer trainer)
        {
            var at = JsonPathText.Property(JsonPathText.Root, "steps");
            if (root["steps"] is not JsonArray array)
            {
                throw At(at, "\"steps\" must be a list of featurizing steps.", "Write at least a concatenate step, such as { \"step\": \"concatenate\", \"columns\": [\"a\", \"b\"], \"output\": \"Features\" }.");
            }

            // What exists after each step: a step may only read a column the recipe lists or an earlier step wrote.
            var known = columns.Where(c => c.Role == "feature").Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            var steps = new List<RecipeStep>();
            for (var i = 0; i < array.Count; i++)
            {
                var item = JsonPathText.Element(at, i);
                if (array[i] is not JsonObject step)
                {
                    throw At(item, "A step must be an object such as { \"step\": \"oneHot\", \"columns\": [\"region\"] }.", StepHint);
                }

                var name = String(step, "step", item, required: true, StepHint)!;
                var kind = RecipeCatalog.Step(name) ?? throw At(
                    JsonPathText.Property(item, "step"), $"Unknown step '{name}'.", $"{ClosestName.Suggestion(name, RecipeCatalog.Steps.Select(s => s.Name))}The steps are: {string.Join(", ", RecipeCatalog.Steps.Select(s => s.Name))}.");
                var allowed = kind.Options.Select(o => o.Name).Concat(["step", "columns"]).Concat(name == RecipeCatalog.Concatenate ? ["output"] : []).ToArray();
                foreach (var (key, _) in step)
                {
                    if (!allowed.Contains(key, StringComparer.Ordinal))
                    {
                        throw At(JsonPathText.Property(item, key), $"The step {name} has no option '{key}'.",
                            $"{ClosestName.Suggestion(key, allowed)}Its keys are: {string.Join(", ", allowed)}.");
                    }
                }

                var stepColumns = step["columns"] is { } c ? Strings(c, JsonPathText.Property(item, "columns"), allowEmpty: false) : throw At(
                    JsonPathText.Property(item, "columns"), $"The step {name} needs \"columns\": the columns it works on.", StepHint);
                for (var j = 0; j < stepColumns.Count; j++)
                {
                    if (!known.Contains(stepColumns[j]))
                    {
                        throw At(JsonPathText.Element(JsonPathText.Property(item, "columns"), j), $"The step reads '{stepColumns[j]}', which is neither a feature in \"columns\" nor the output of an earlier step.",
                            $"{ClosestName.Suggestion(stepColumns[j], known)}Add it to \"columns\" (with its kind), or fix the name.");
                    }
                }

                string? output = null;
                if (name == RecipeCatalog.Concatenate)
                {
                    output = String(step, "output", item, required: true, "Name the vector it writes, such as \"output\": \"Features\" (the trainer's \"features\").")!;
                    known.Add(output);
                }

                var options = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var option in kind.Options)
                {
                    if (step[option.Name] is { } value)
                    {
                        options[option.Name] = Value(value, JsonPathText.Property(item, option.Name), option);
                    }
                }

                if (name == RecipeCatalog.Normalize && options.ContainsKey("bins") && (options.GetValueOrDefault("kind") as string) != "bin")
                {
                    throw At(JsonPathText.Property(item, "bins"), "\"bins\" applies to a bin normaliser only.", "Add \"kind\": \"bin\", or remove \"bins\".");
                }

                steps.Add(new RecipeStep(name, stepColumns, output, options));
            }

            if (!known.Contains(trainer.Features))
            {
                throw At("$.trainer.features", $"The trainer reads '{trainer.Features}', which no step writes and \"columns\" does not list.",
                    "End the steps with { \"step\": \"concatenate\", \"columns\": [...], \"output\": \"Features\" }, or set \"features\" to the column it should read.");
            }

            return steps;
        }

        private RecipeTrainer Trainer(JsonNode? node, string at)
        {
            var trainer = Object(node, at, TrainerKeys, "a trainer: { \"name\": \"LbfgsLogisticRegression\", \"options\": { } }");
            var names = RecipeCatalog.Trainers.Select(t => t.Name).ToArray();
            var name = String(trainer, "name", at, required: true, $"Name one of: {string.Join(", ", names)}.")!;
            var kind = RecipeCatalog.Trainer(name) ?? throw At(
                JsonPathText.Property(at, "name"), $"Unknown trainer '{name}'.",
                $"{ClosestName.Suggestion(name, names)}The trainers are: {string.Join(", ", RecipeCatalog.Trainers.Select(t => $"{t.Name} ({RecipeCatalog.TaskName(t.Task)})"))}.");
            var features = String(trainer, "features", at, required: false, "Name the vector column the trainer reads.") ?? "Features";
            var options = new Dictionary<string, object>(StringComparer.Ordinal);
            if (trainer["options"] is { } optionsNode)
            {
                var optionsAt = JsonPathText.Property(at, "options");
                var allowed = kind.Options.Select(o => o.Name).ToArray();
                var given = Object(optionsNode, optionsAt, allowed, $"the {name} options", what: $"The trainer {name} has no option");
                foreach (var option in kind.Options)
                {
                    if (given[option.Name] is { } value)
                    {
                        options[option.Name] = Value(value, JsonPathText.Property(optionsAt, option.Name), option);
                    }
                }
            }

            int? seed = null;
            if (trainer["seed"] is { } seedNode)
            {
                seed = (int)(double)Value(seedNode, JsonPathText.Property(at, "seed"), new RecipeOption("seed", RecipeOptionType.Integer, string.Empty, int.MinValue, int.MaxValue));
            }

            return new RecipeTrainer(name, features, options, seed);
        }

        private const string StepHint = "A step is { \"step\": NAME, \"columns\": [...], options }; the steps are replaceMissing, oneHot, hash, normalize, text and concatenate (docs/adapt.md, \"Recipes\").";

        private JsonObject Object(JsonNode? node, string at, string[] keys, string expected, string? what = null)
        {
            if (node is not JsonObject value)
            {
                throw At(at, $"Expected {expected}, found {Found(node)}.", "See docs/adapt.md, \"Recipes\", for an example.");
            }

            foreach (var (key, _) in value)
            {
                if (!keys.Contains(key, StringComparer.Ordinal))
                {
                    throw At(JsonPathText.Property(at, key), what is null ? $"Unknown key '{key}'." : $"{what} '{key}'.",
                        $"{ClosestName.Suggestion(key, keys)}The keys here are: {(keys.Length == 0 ? "none" : string.Join(", ", keys))}.");
                }
            }

            return value;
        }

        private string? String(JsonObject parent, string key, string at, bool required, string hint)
        {
            var path = JsonPathText.Property(at, key);
            switch (parent[key])
            {
                case null when !required:
                    return null;
                case JsonValue value when value.TryGetValue<string>(out var text) && text.Length > 0:
                    return text;
                default:
                    throw At(path, parent[key] is null ? $"\"{key}\" is required." : $"\"{key}\" must be a non-empty string, not {Found(parent[key])}.", hint);
            }
        }

        private string? Choice(JsonObject parent, string key, string at, IReadOnlyList<string> choices, bool required)
        {
            var text = String(parent, key, at, required, $"Write one of: {string.Join(", ", choices)}.");
            if (text is not null && !choices.Contains(text, StringComparer.Ordinal))
            {
                throw At(JsonPathText.Property(at, key), $"Unknown {key} '{text}'.", $"{ClosestName.Suggestion(text, choices)}Write one of: {string.Join(", ", choices)}.");
            }

            return text;
        }

        private List<string> Strings(JsonNode node, string at, bool allowEmpty)
        {
            if (node is not JsonArray array || (!allowEmpty && array.Count == 0))
            {
                throw At(at, $"Expected a {(allowEmpty ? string.Empty : "non-empty ")}list of strings, found {Found(node)}.", "Write a list such as [\"income\", \"debt\"].");
            }

            var values = new List<string>();
            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is not JsonValue value || !value.TryGetValue<string>(out var text) || text.Length == 0)
                {
                    throw At(JsonPathText.Element(at, i), $"Expected a non-empty string, found {Found(array[i])}.", "Write the name in quotes.");
                }

                values.Add(text);
            }

            return values;
        }

        private object Value(JsonNode node, string at, RecipeOption option)
        {
            var value = node as JsonValue;
            switch (option.Type)
            {
                case RecipeOptionType.Boolean when value is not null && value.TryGetValue<bool>(out var flag):
                    return flag;
                case RecipeOptionType.Choice when value is not null && value.TryGetValue<string>(out var text):
                    if (!option.Choices!.Contains(text, StringComparer.Ordinal))
                    {
                        throw At(at, $"Unknown value '{text}' for {option.Name}.", $"{ClosestName.Suggestion(text, option.Choices!)}Write one of: {string.Join(", ", option.Choices!)}.");
                    }

                    return text;
                case RecipeOptionType.Integer or RecipeOptionType.Number when value is not null && value.TryGetValue<double>(out var number):
                    if (option.Type == RecipeOptionType.Integer && number != Math.Floor(number))
                    {
                        throw At(at, $"{option.Name} must be a whole number, not {Text(number)}.", $"Write a whole number{Range(option)}.");
                    }

                    if (number < option.Minimum || number > option.Maximum || !double.IsFinite(number))
                    {
                        throw At(at, $"{option.Name} is {Text(number)}, out of range.", $"Write a number{Range(option)}.");
                    }

                    return number;
                default:
                    var expected = option.Type switch
                    {
                        RecipeOptionType.Boolean => "true or false",
                        RecipeOptionType.Choice => $"one of {string.Join(", ", option.Choices!)}",
                        RecipeOptionType.Integer => "a whole number",
                        _ => "a number",
                    };
                    throw At(at, $"{option.Name} must be {expected}, not {Found(node)}.", $"{option.Description}");
            }
        }

        private static string Range(RecipeOption option) =>
            (option.Minimum > double.MinValue ? $" from {Text(option.Minimum)}" : string.Empty) + (option.Maximum < double.MaxValue && option.Maximum < int.MaxValue ? $" to {Text(option.Maximum)}" : string.Empty);

        private static string Text(double value) => value.ToString("G", CultureInfo.InvariantCulture);

        private static string Found(JsonNode? node) => node switch
        {
            null => "nothing (or null)",
            JsonObject => "an object",
            JsonArray => "a list",
            JsonValue v when v.TryGetValue<string>(out var s) => $"the string \"{s}\"",
            JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
            JsonValue v => $"the number {v.ToJsonString()}",
            _ => "what is there",
        };
    }
}
