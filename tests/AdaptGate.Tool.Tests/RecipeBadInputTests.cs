using AdaptGate.Core.Adaptation;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// A recipe that cannot be used is exit 2 with the recipe file, the line, the JSON path and what to do, before anything
/// is trained; nothing is written. The model is <see cref="AdaptData"/>'s logistic regression over Income, Debt and Region.
/// </summary>
public sealed class RecipeBadInputTests : IClassFixture<AdaptCommandTests.Files>
{
    private const string GoodColumns = """
        "columns": [
          { "name": "Income", "kind": "numeric" },
          { "name": "Debt", "kind": "numeric" },
          { "name": "Region", "kind": "categorical" }
        ]
        """;

    private const string GoodSteps = """
        "steps": [
          { "step": "oneHot", "columns": ["Region"] },
          { "step": "concatenate", "columns": ["Income", "Debt", "Region"], "output": "Features" },
          { "step": "normalize", "columns": ["Features"], "kind": "meanVariance" }
        ]
        """;

    private const string GoodTrainer = "\"trainer\": { \"name\": \"LbfgsLogisticRegression\", \"options\": { \"l2Regularization\": 0.5 }, \"seed\": 3 }";

    private readonly AdaptData _data;

    public RecipeBadInputTests(AdaptCommandTests.Files files) => _data = files.Data;

    [Fact]
    public void A_good_recipe_refits_the_pipeline_and_the_report_names_it()
    {
        var recipe = Write("good.json", $"{{ \"label\": \"Label\", {GoodColumns}, {GoodSteps}, {GoodTrainer} }}");

        var run = Adapt(recipe, "--action", "compare", "--format", "json");
        var text = Adapt(recipe, "--action", "compare");

        Assert.True(run.ExitCode == 0, run.Stderr);
        var retrain = AdaptJsonFormat.Read(run.Stdout).Adaptation.Retrain!;
        Assert.Equal(("refitted", recipe, "LbfgsLogisticRegression", "reference+current"), (retrain.Featurizer, retrain.Recipe, retrain.Trainer, retrain.Window));
        Assert.Contains($"Retrain: the whole pipeline refitted from the recipe {recipe} (LbfgsLogisticRegression) on the window reference+current.", text.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_recipe_the_report_says_the_retrain_reused_the_old_featurizer()
    {
        var run = CliRun.Of("adapt", "--model", _data.LinearModel, "--reference", _data.Reference, "--current", _data.Current, "--label", "Label", "--action", "retrain", "--no-history");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Retrain: a new lbfgs-logistic-regression behind the old model's fitted featurizer (reused", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("pass --recipe to refit the whole pipeline", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_step_names_its_path_and_the_closest_step()
    {
        var recipe = Write("unknown-step.json", $$"""
            {
              "label": "Label", {{GoodColumns}},
              "steps": [
                { "step": "oneHott", "columns": ["Region"] }
              ],
              {{GoodTrainer}}
            }
            """);

        var run = Adapt(recipe);

        Refused(run, recipe, "$.steps[0].step: Unknown step 'oneHott'.", "'oneHot'");
    }

    [Fact]
    public void An_unknown_option_of_a_step_or_a_trainer_names_its_path_and_the_options_there_are()
    {
        var step = Write("unknown-option.json", $$"""
            { "label": "Label", {{GoodColumns}},
              "steps": [ { "step": "hash", "columns": ["Region"], "bitz": 8 } ], {{GoodTrainer}} }
            """);
        var trainer = Write("unknown-trainer-option.json", $"{{ \"label\": \"Label\", {GoodColumns}, {GoodSteps}, \"trainer\": {{ \"name\": \"LbfgsLogisticRegression\", \"options\": {{ \"l2\": 1 }} }} }}");

        Refused(Adapt(step), step, "$.steps[0].bitz: The step hash has no option 'bitz'.", "'bits'");
        Refused(Adapt(trainer), trainer, "$.trainer.options.l2: The trainer LbfgsLogisticRegression has no option 'l2'.", "l1Regularization, l2Regularization, maximumIterations, optimizationTolerance");
    }

    [Fact]
    public void A_column_in_neither_file_names_its_path_and_the_columns_there_are()
    {
        var recipe = Write("missing-column.json", """
            { "label": "Label",
              "columns": [ { "name": "Income", "kind": "numeric" }, { "name": "Salary", "kind": "numeric" } ],
              "steps": [ { "step": "concatenate", "columns": ["Income", "Salary"], "output": "Features" } ],
              "trainer": { "name": "LbfgsLogisticRegression" } }
            """);

        Refused(Adapt(recipe), recipe, "$.columns[1].name: The column 'Salary' is in neither", "'Income', 'Debt', 'Region', 'Label'");
    }

    [Fact]
    public void A_trainer_of_another_task_names_the_trainers_that_fit()
    {
        var recipe = Write("wrong-task.json", $"{{ \"label\": \"Label\", {GoodColumns}, {GoodSteps}, \"trainer\": {{ \"name\": \"Sdca\" }} }}");

        Refused(Adapt(recipe), recipe, "$.trainer.name: Sdca trains a regression model, and the model", "LbfgsLogisticRegression, SdcaLogisticRegression, AveragedPerceptron, FastTreeBinary");
    }

    [Fact]
    public void A_featurizer_that_cannot_apply_to_the_current_schema_names_the_step_or_the_column()
    {
        var unencoded = Write("unencoded.json", $$"""
            { "label": "Label", {{GoodColumns}},
              "steps": [ { "step": "concatenate", "columns": ["Income", "Region"], "output": "Features" } ], {{GoodTrainer}} }
            """);
        var numericText = Write("numeric-text.json", """
            { "label": "Label",
              "columns": [ { "name": "Income", "kind": "numeric" }, { "name": "Region", "kind": "numeric" } ],
              "steps": [ { "step": "concatenate", "columns": ["Income", "Region"], "output": "Features" } ],
              "trainer": { "name": "LbfgsLogisticRegression" } }
            """);

        Refused(Adapt(unencoded), unencoded, "$.steps[0]: The step concatenate cannot be applied to 'Region', a categorical column.", "Encode 'Region' first (oneHot, hash or text)");
        Refused(Adapt(numericText), numericText, "$.columns[1].kind: 'Region' is declared numeric", "Declare it \"categorical\"");
    }

    [Fact]
    public void Bad_json_values_and_guesses_left_to_confirm_are_refused_with_their_path()
    {
        var range = Write("range.json", $"{{ \"label\": \"Label\", {GoodColumns}, \"steps\": [ {{ \"step\": \"hash\", \"columns\": [\"Region\"], \"bits\": 40 }} ], {GoodTrainer} }}");
        var confirm = Write("confirm.json", $"{{ \"label\": \"Label\", {GoodColumns}, {GoodSteps}, {GoodTrainer}, \"confirm\": [\"the normaliser's kind\"] }}");
        var label = Write("label.json", $"{{ \"label\": \"Income\", {GoodColumns}, {GoodSteps}, {GoodTrainer} }}");
        var syntax = Write("syntax.json", "{ \"label\": ");

        Refused(Adapt(range), range, "$.steps[0].bits: bits is 40, out of range.", "from 1 to 30");
        Refused(Adapt(confirm), confirm, "$.confirm: the recipe still lists 1 guess to confirm", "delete the \"confirm\" list");
        Refused(Adapt(label), label, "$.columns[0].name: 'Income' is the label", "the label is never a feature");
        Refused(Adapt(syntax), syntax, "The recipe is not valid JSON", "Comments and trailing commas are allowed");
    }

    private static void Refused(CliRun run, string recipe, string message, string hint)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(recipe + ":", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(message, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(hint, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = _data.PathOf(name);
        File.WriteAllText(path, text);
        return path;
    }

    private CliRun Adapt(string recipe, params string[] args) =>
        CliRun.Of(["adapt", "--model", _data.LinearModel, "--reference", _data.Reference, "--current", _data.Current, "--label", "Label", "--no-history",
            "--recipe", recipe, .. args.Length == 0 ? ["--action", "retrain", "--output", _data.PathOf("never.zip")] : args]);
}
