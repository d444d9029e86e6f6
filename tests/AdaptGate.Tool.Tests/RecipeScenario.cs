using System.Globalization;
using System.Text;
using Microsoft.ML;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// A small world for retrain-from-recipe evidence: rows of income, debt, tenure (debt's noisy twin) and region with a
/// logistic label, a model trained on the reference by a real ML.NET pipeline (one-hot region, concatenate, a
/// normaliser, L-BFGS logistic regression), and the recipe that describes that same pipeline.
/// </summary>
internal sealed class RecipeScenario
{
    public static readonly string[] OldRegions = ["north", "south", "east"];

    public RecipeScenario(string name)
    {
        Folder = Path.Combine(Path.GetTempPath(), "adaptgate-tests", "recipe", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public sealed class Row
    {
        public float Income { get; set; }

        public float Debt { get; set; }

        public float Tenure { get; set; }

        public string Region { get; set; } = string.Empty;

        public bool Label { get; set; }
    }

    /// <param name="regionEffect">The logit each region adds; a region not named adds 0.</param>
    /// <param name="regions">The regions drawn, with their shares.</param>
    /// <param name="incomeScale">Income as written = scale × the income the concept uses + offset (a unit change).</param>
    public static Row[] Rows(int count, int seed, (string Region, double Share)[] regions, Dictionary<string, double> regionEffect, double incomeScale = 1, double incomeOffset = 0)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ =>
        {
            var income = (random.NextDouble() * 2) - 1;
            var debt = (random.NextDouble() * 2) - 1;
            var tenure = debt + ((random.NextDouble() - 0.5) * 0.6);
            var pick = random.NextDouble();
            var region = regions[^1].Region;
            foreach (var (r, share) in regions)
            {
                if (pick < share)
                {
                    region = r;
                    break;
                }

                pick -= share;
            }

            var f = (3 * income) - (3 * debt) + regionEffect.GetValueOrDefault(region);
            return new Row
            {
                Income = (float)Math.Round((incomeScale * income) + incomeOffset, 4),
                Debt = (float)Math.Round(debt, 4),
                Tenure = (float)Math.Round(tenure, 4),
                Region = region,
                Label = random.NextDouble() < 1 / (1 + Math.Exp(-f)),
            };
        }).ToArray();
    }

    public static (string, double)[] Shares(params (string, double)[] shares) => shares;

    public string WriteCsv(string name, Row[] rows, params string[] columns)
    {
        var text = new StringBuilder(string.Join(",", columns) + ",Label\n");
        foreach (var row in rows)
        {
            var cells = columns.Select(c => c switch
            {
                "Income" => row.Income.ToString("R", CultureInfo.InvariantCulture),
                "Debt" => row.Debt.ToString("R", CultureInfo.InvariantCulture),
                "Tenure" => row.Tenure.ToString("R", CultureInfo.InvariantCulture),
                _ => row.Region,
            });
            text.Append(string.Join(",", cells)).Append(row.Label ? ",true\n" : ",false\n");
        }

        var path = PathOf(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    /// <summary>Trains what the recipe of <see cref="Recipe"/> describes, on the given rows, and saves it as a user would.</summary>
    public string TrainModel(Row[] rows, string[] numeric, string normalizer)
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(rows);
        IEstimator<ITransformer> featurizer = ml.Transforms.Categorical.OneHotEncoding(nameof(Row.Region))
            .Append(ml.Transforms.Concatenate("Features", [.. numeric, nameof(Row.Region)]));
        featurizer = normalizer switch
        {
            "bin" => featurizer.Append(ml.Transforms.NormalizeBinning("Features")),
            "minMax" => featurizer.Append(ml.Transforms.NormalizeMinMax("Features")),
            _ => featurizer.Append(ml.Transforms.NormalizeMeanVariance("Features")),
        };
        var model = featurizer.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(nameof(Row.Label))).Fit(data);
        var path = PathOf("model.zip");
        ml.Model.Save(model, data.Schema, path);
        return path;
    }

    public string Recipe(string[] numeric, string normalizer)
    {
        var columns = string.Join(",\n    ", numeric.Select(c => $"{{ \"name\": \"{c}\", \"kind\": \"numeric\" }}").Append("{ \"name\": \"Region\", \"kind\": \"categorical\" }"));
        var inputs = string.Join(", ", numeric.Append("Region").Select(c => $"\"{c}\""));
        var path = PathOf("recipe.json");
        File.WriteAllText(path, $$"""
            {
              "label": "Label",
              "columns": [
                {{columns}}
              ],
              "steps": [
                { "step": "oneHot", "columns": ["Region"] },
                { "step": "concatenate", "columns": [{{inputs}}], "output": "Features" },
                { "step": "normalize", "columns": ["Features"], "kind": "{{normalizer}}" }
              ],
              "trainer": { "name": "LbfgsLogisticRegression" }
            }
            """);
        return path;
    }
}
