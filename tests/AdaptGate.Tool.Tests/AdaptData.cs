using System.Globalization;
using System.Text;
using Microsoft.ML;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// Files and real ML.NET models for the adapt tests: a reference drawn from one concept, current
/// data drawn from a turned one (the boundary moved, so a fine-tune has something to learn), and
/// a logistic regression and a FastTree model trained on the reference as a user would.
/// </summary>
internal sealed class AdaptData : IDisposable
{
    public AdaptData()
    {
        Folder = Path.Combine(Path.GetTempPath(), "adaptgate-tests", "adapt", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        var reference = Rows(3000, seed: 1, angle: 0);
        Reference = Write("reference.csv", reference);
        Current = Write("current.csv", Rows(1500, seed: 2, angle: 50));
        Fresh = Write("fresh.csv", Rows(3000, seed: 3, angle: 50));
        Same = Write("same.csv", Rows(1500, seed: 4, angle: 0));
        LinearModel = Train(reference, "linear.zip", tree: false);
        TreeModel = Train(reference, "tree.zip", tree: true);
    }

    public string Folder { get; }

    public string Reference { get; }

    public string Current { get; }

    /// <summary>More rows of the current concept, never trained on.</summary>
    public string Fresh { get; }

    /// <summary>Current data from the reference's own concept: nothing to adapt to.</summary>
    public string Same { get; }

    public string LinearModel { get; }

    public string TreeModel { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public sealed class Row
    {
        public float Income { get; set; }

        public float Debt { get; set; }

        public string Region { get; set; } = string.Empty;

        public bool Label { get; set; }
    }

    public static readonly string[] Regions = ["north", "south", "east"];

    private static Row[] Rows(int count, int seed, double angle)
    {
        var random = new Random(seed);
        var t = angle * Math.PI / 180;
        return Enumerable.Range(0, count).Select(_ =>
        {
            var income = (random.NextDouble() * 2) - 1;
            var debt = (random.NextDouble() * 2) - 1;
            var region = random.Next(Regions.Length);
            var f = (3 * ((Math.Cos(t) * income) - (Math.Sin(t) * debt))) - (3 * ((Math.Sin(t) * income) + (Math.Cos(t) * debt))) + (region == 0 ? 0.5 : 0);
            return new Row
            {
                Income = (float)Math.Round(income, 4),
                Debt = (float)Math.Round(debt, 4),
                Region = Regions[region],
                Label = random.NextDouble() < 1 / (1 + Math.Exp(-f)),
            };
        }).ToArray();
    }

    private string Write(string name, Row[] rows)
    {
        var text = new StringBuilder("Income,Debt,Region,Label\n");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Income:R},{row.Debt:R},{row.Region},{(row.Label ? "true" : "false")}\n");
        }

        var path = PathOf(name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private string Train(Row[] rows, string name, bool tree)
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(rows);
        var featurizer = ml.Transforms.Categorical.OneHotEncoding("RegionVector", nameof(Row.Region))
            .Append(ml.Transforms.Concatenate("Features", nameof(Row.Income), nameof(Row.Debt), "RegionVector"))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"));
        ITransformer model = tree
            ? featurizer.Append(ml.BinaryClassification.Trainers.FastTree(labelColumnName: nameof(Row.Label), numberOfLeaves: 4, numberOfTrees: 10)).Fit(data)
            : featurizer.Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(labelColumnName: nameof(Row.Label))).Fit(data);
        var path = PathOf(name);
        ml.Model.Save(model, data.Schema, path);
        return path;
    }
}
