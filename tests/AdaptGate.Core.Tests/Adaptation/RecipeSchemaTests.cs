using System.Text.Json.Nodes;
using AdaptGate.Core.Adaptation.Recipes;
using AdaptGate.Tests.Shared;

namespace AdaptGate.Core.Tests.Adaptation;

/// <summary>docs/recipe.schema.json, the reader and the pipeline share one catalog: the schema lists exactly its steps, trainers, options and kinds.</summary>
public sealed class RecipeSchemaTests
{
    private readonly JsonObject _schema = JsonNode.Parse(File.ReadAllText(RepoRoot.Combine("docs", "recipe.schema.json")))!.AsObject();

    [Fact]
    public void Every_step_and_its_options_are_in_the_schema_and_nothing_else()
    {
        var defs = _schema["$defs"]!.AsObject();

        Assert.Equal(RecipeCatalog.Steps.Select(s => "step-" + s.Name).Order(), defs.Where(d => d.Key.StartsWith("step-", StringComparison.Ordinal)).Select(d => d.Key).Order());
        foreach (var step in RecipeCatalog.Steps)
        {
            var keys = defs["step-" + step.Name]!["properties"]!.AsObject().Select(p => p.Key).Order();
            var expected = step.Options.Select(o => o.Name).Concat(["step", "columns"]).Concat(step.Name == RecipeCatalog.Concatenate ? ["output"] : []).Order();
            Assert.Equal(expected, keys);
        }
    }

    [Fact]
    public void Every_trainer_and_its_options_are_in_the_schema_and_nothing_else()
    {
        var defs = _schema["$defs"]!.AsObject();

        Assert.Equal(RecipeCatalog.Trainers.Select(t => "trainer-" + t.Name).Order(), defs.Where(d => d.Key.StartsWith("trainer-", StringComparison.Ordinal)).Select(d => d.Key).Order());
        foreach (var trainer in RecipeCatalog.Trainers)
        {
            var options = defs["trainer-" + trainer.Name]!["properties"]!["options"]!["properties"]!.AsObject();
            Assert.Equal(trainer.Options.Select(o => o.Name).Order(), options.Select(p => p.Key).Order());
            Assert.Contains($"a {RecipeCatalog.TaskName(trainer.Task)} trainer", (string?)defs["trainer-" + trainer.Name]!["description"], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Kinds_roles_and_the_id_are_the_reader_s()
    {
        var column = _schema["properties"]!["columns"]!["items"]!["properties"]!;

        Assert.Equal(RecipeCatalog.Kinds, column["kind"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(RecipeCatalog.Roles, column["role"]!["enum"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(RecipeWriter.SchemaId, (string?)_schema["$id"]);
    }

    [Fact]
    public void A_written_recipe_reads_back_the_same_and_writes_the_same_bytes()
    {
        const string text = """
            { "label": "y", "columns": [ { "name": "a", "kind": "numeric" }, { "name": "c", "kind": "categorical" }, { "name": "id", "kind": "numeric", "role": "ignore" } ],
              "steps": [ { "step": "replaceMissing", "columns": ["a"], "mode": "minimum" }, { "step": "hash", "columns": ["c"], "bits": 8 },
                         { "step": "concatenate", "columns": ["a", "c"], "output": "Features" }, { "step": "normalize", "columns": ["Features"], "kind": "bin", "bins": 16, "fixZero": false } ],
              "trainer": { "name": "FastTreeBinary", "options": { "numberOfTrees": 20, "learningRate": 0.1 }, "seed": 7 } }
            """;

        var recipe = RecipeReader.Parse(text, "r.json");
        var written = RecipeWriter.Write(recipe);
        var again = RecipeReader.Parse(written, "r2.json");

        Assert.Equal(written, RecipeWriter.Write(again));
        Assert.Equal(["a", "c"], again.Features.Select(c => c.Name));
        Assert.Equal((8.0, "minimum"), ((double)again.Steps[1].Options["bits"], (string)again.Steps[0].Options["mode"]));
        Assert.Equal((20.0, 0.1, 7), ((double)again.Trainer.Options["numberOfTrees"], (double)again.Trainer.Options["learningRate"], again.Trainer.Seed!.Value));
        Assert.Contains("\"$schema\": \"https://adaptgate.dev/schema/recipe.schema.json\"", written, StringComparison.Ordinal);
    }
}
