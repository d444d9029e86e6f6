using Microsoft.ML;
using Microsoft.ML.Data;

namespace AdaptGate.Tool.Tests;

/// <summary>
/// A real ML.NET model on the car-loan sample: L-BFGS logistic regression over the numeric
/// features and the one-hot salary range, trained on samples/car-loan/reference.csv and saved as a
/// .zip, as a user's training project would. Trained once per test run.
/// </summary>
internal static class CarLoanModel
{
    private static readonly Lazy<string> Trained = new(Train);

    public static string Path => Trained.Value;

    private sealed class Row
    {
        [LoadColumn(0)]
        public float car_value { get; set; }

        [LoadColumn(1)]
        public string salary_range { get; set; } = string.Empty;

        [LoadColumn(2)]
        public float debt_to_income_ratio { get; set; }

        [LoadColumn(3)]
        public float loan_length { get; set; }

        [LoadColumn(6)]
        public float driver_tenure { get; set; }

        [LoadColumn(7)]
        public bool repaid { get; set; }
    }

    private static string Train()
    {
        var ml = new MLContext(seed: 0);
        var data = ml.Data.LoadFromTextFile<Row>(RepoPaths.Sample("reference.csv"), separatorChar: ',', hasHeader: true);
        var pipeline = ml.Transforms.Categorical.OneHotEncoding("salary", "salary_range")
            .Append(ml.Transforms.Concatenate("Features", "car_value", "debt_to_income_ratio", "loan_length", "driver_tenure", "salary"))
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression("repaid", "Features"));
        var model = pipeline.Fit(data);

        var folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "adaptgate-tests", "models");
        Directory.CreateDirectory(folder);
        var path = System.IO.Path.Combine(folder, $"car-loan-{Environment.ProcessId}.zip");
        ml.Model.Save(model, data.Schema, path);
        return path;
    }
}
