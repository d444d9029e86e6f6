using System.Globalization;
using System.Text;
using Microsoft.ML;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// Real multiclass and regression ML.NET models, trained on generated rows that are also written as
/// CSV reference and current files, so a test can run `adaptgate check --model` on them end to end.
/// </summary>
internal static class TrainedModels
{
    private static readonly string[] Species = ["setosa", "versicolor", "virginica"];

    public sealed class SpeciesRow
    {
        public float PetalLength { get; set; }

        public float PetalWidth { get; set; }

        public string Species { get; set; } = string.Empty;
    }

    public sealed class PriceRow
    {
        public float Size { get; set; }

        public float Age { get; set; }

        public float Price { get; set; }
    }

    public static SpeciesRow[] SpeciesRows(int rows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ =>
        {
            var k = random.Next(Species.Length);
            return new SpeciesRow
            {
                PetalLength = (float)Math.Round((k * 2) + 1 + (random.NextDouble() * 2.2), 3),
                PetalWidth = (float)Math.Round((k * 0.8) + (random.NextDouble() * 1.1), 3),
                Species = Species[k],
            };
        }).ToArray();
    }

    /// <param name="offset">Added to every price: a concept shift the model never saw.</param>
    /// <param name="sizeScale">Multiplies every size: values far outside what the model's normaliser saw.</param>
    public static PriceRow[] PriceRows(int rows, int seed, double offset = 0, double sizeScale = 1)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(_ =>
        {
            var size = Math.Round((50 + (random.NextDouble() * 100)) * sizeScale, 2);
            var age = Math.Round(random.NextDouble() * 30, 2);
            return new PriceRow { Size = (float)size, Age = (float)age, Price = (float)Math.Round((3 * size) - (2 * age) + (random.NextDouble() * 20) + offset, 2) };
        }).ToArray();
    }

    public static string TrainMulticlass(string folder, SpeciesRow[] training)
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(training);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(SpeciesRow.Species))
            .Append(ml.Transforms.Concatenate("Features", nameof(SpeciesRow.PetalLength), nameof(SpeciesRow.PetalWidth)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 10));
        var path = Path.Combine(folder, "species.zip");
        ml.Model.Save(pipeline.Fit(data), data.Schema, path);
        return path;
    }

    public static string TrainRegression(string folder, PriceRow[] training)
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(training);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(PriceRow.Size), nameof(PriceRow.Age))
            .Append(ml.Regression.Trainers.FastTree(labelColumnName: nameof(PriceRow.Price), numberOfLeaves: 8, numberOfTrees: 20));
        var path = Path.Combine(folder, "price.zip");
        ml.Model.Save(pipeline.Fit(data), data.Schema, path);
        return path;
    }

    /// <summary>A normalised linear regression (SDCA): the kind of model adapt fine-tunes with online gradient descent.</summary>
    public static string TrainLinearRegression(string folder, PriceRow[] training)
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromEnumerable(training);
        var pipeline = ml.Transforms.Concatenate("Features", nameof(PriceRow.Size), nameof(PriceRow.Age))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.Regression.Trainers.Sdca(labelColumnName: nameof(PriceRow.Price)));
        var path = Path.Combine(folder, "linear-price.zip");
        ml.Model.Save(pipeline.Fit(data), data.Schema, path);
        return path;
    }

    public static string WriteCsv(string path, IEnumerable<SpeciesRow> rows) =>
        Write(path, "PetalLength,PetalWidth,Species", rows.Select(r => $"{F(r.PetalLength)},{F(r.PetalWidth)},{r.Species}"));

    public static string WriteCsv(string path, IEnumerable<PriceRow> rows) =>
        Write(path, "Size,Age,Price", rows.Select(r => $"{F(r.Size)},{F(r.Age)},{F(r.Price)}"));

    private static string Write(string path, string header, IEnumerable<string> lines)
    {
        var text = new StringBuilder(header).Append('\n');
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string F(float value) => value.ToString("R", CultureInfo.InvariantCulture);
}
