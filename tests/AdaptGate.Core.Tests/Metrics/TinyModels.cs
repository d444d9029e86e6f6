using Microsoft.ML;
using Microsoft.ML.Trainers;

namespace AdaptGate.Core.Tests.Metrics;

/// <summary>Real, tiny ML.NET models trained on generated data, saved as .zip like a user would.</summary>
internal static class TinyModels
{
    public sealed class BinaryRow
    {
        public float Income { get; set; }

        public float Debt { get; set; }

        public string Region { get; set; } = string.Empty;

        public bool Label { get; set; }
    }

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

    private static readonly string[] Regions = ["north", "south", "east"];
    private static readonly string[] SpeciesNames = ["setosa", "versicolor", "virginica"];

    public static BinaryRow[] BinaryData(int rows, int seed)
    {
        var random = new Random(seed);
        var data = new BinaryRow[rows];
        for (var i = 0; i < rows; i++)
        {
            var region = random.Next(Regions.Length);
            var income = (float)Math.Round(random.NextDouble() * 10, 3);
            var debt = (float)Math.Round(random.NextDouble() * 10, 3);
            var margin = income - debt + (region == 0 ? 1.5 : 0) + ((random.NextDouble() - 0.5) * 4);
            data[i] = new BinaryRow { Income = income, Debt = debt, Region = Regions[region], Label = margin > 0 };
        }

        return data;
    }

    public static SpeciesRow[] SpeciesData(int rows, int seed)
    {
        var random = new Random(seed);
        var data = new SpeciesRow[rows];
        for (var i = 0; i < rows; i++)
        {
            var k = random.Next(SpeciesNames.Length);
            data[i] = new SpeciesRow
            {
                PetalLength = (float)Math.Round((k * 2) + 1 + (random.NextDouble() * 2.2), 3),
                PetalWidth = (float)Math.Round((k * 0.8) + (random.NextDouble() * 1.1), 3),
                Species = SpeciesNames[k],
            };
        }

        return data;
    }

    public static PriceRow[] PriceData(int rows, int seed)
    {
        var random = new Random(seed);
        var data = new PriceRow[rows];
        for (var i = 0; i < rows; i++)
        {
            var size = (float)Math.Round(50 + (random.NextDouble() * 100), 2);
            var age = (float)Math.Round(random.NextDouble() * 30, 2);
            data[i] = new PriceRow { Size = size, Age = age, Price = (float)Math.Round((3 * size) - (2 * age) + (random.NextDouble() * 20), 2) };
        }

        return data;
    }

    /// <summary>L-BFGS logistic regression on two numbers and a one-hot region.</summary>
    public static string TrainBinary(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromEnumerable(BinaryData(2000, seed: 1));
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("RegionVector", nameof(BinaryRow.Region))
            .Append(ml.Transforms.Concatenate("Features", nameof(BinaryRow.Income), nameof(BinaryRow.Debt), "RegionVector"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options { MaximumNumberOfIterations = 30 }));
        ml.Model.Save(pipeline.Fit(data), data.Schema, path);
        return path;
    }

    /// <summary>SDCA maximum entropy on a text label mapped to keys inside the pipeline; optionally maps the prediction back to text.</summary>
    public static string TrainMulticlass(MLContext ml, string path, bool predictedLabelAsText = false)
    {
        var data = ml.Data.LoadFromEnumerable(SpeciesData(1500, seed: 2));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(SpeciesRow.Species))
            .Append(ml.Transforms.Concatenate("Features", nameof(SpeciesRow.PetalLength), nameof(SpeciesRow.PetalWidth)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 10));
        ITransformer model = pipeline.Fit(data);
        if (predictedLabelAsText)
        {
            model = ((ITransformer)model).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel").Fit(model.Transform(data)));
        }

        ml.Model.Save(model, data.Schema, path);
        return path;
    }

    /// <summary>A small FastTree regression (the native part of FastTree is exercised too).</summary>
    public static string TrainRegression(MLContext ml, string path)
    {
        var data = ml.Data.LoadFromEnumerable(PriceData(1500, seed: 3));
        var pipeline = ml.Transforms.Concatenate("Features", nameof(PriceRow.Size), nameof(PriceRow.Age))
            .Append(ml.Regression.Trainers.FastTree(labelColumnName: nameof(PriceRow.Price), numberOfLeaves: 8, numberOfTrees: 20));
        ml.Model.Save(pipeline.Fit(data), data.Schema, path);
        return path;
    }
}
