namespace AdaptGate.Build.Tests;

/// <summary>Reports as `adaptgate check --format json` writes them (the README's contract), cut to what the tasks read plus some they ignore.</summary>
internal static class Reports
{
    public const string Retrain = """
        {
          "version": "0.1.0",
          "verdict": "retrain",
          "reasons": [
            { "rule": "drift-share-severe", "verdict": "retrain", "message": "50% of feature columns drifted (5 of 10), at or above 50%", "value": 0.5, "threshold": 0.5, "margin": 0 },
            { "rule": "drift-detected", "verdict": "fine-tune", "message": "5 of 10 feature columns drifted", "value": 5, "threshold": 1, "margin": 4 }
          ],
          "warnings": [ "Check the pipeline that feeds 'car_value'." ],
          "drift": { "method": "auto", "correction": "none", "share": 0.5, "detected": true, "comparedColumns": 3, "driftedColumns": 2,
                     "columns": [
                       { "name": "car_value", "kind": "numeric", "method": "wasserstein", "score": 0.951, "pValue": null, "threshold": 0.1, "drifted": true },
                       { "name": "age;group", "kind": "categorical", "method": "chisquare", "score": 21.5, "pValue": 0.0003, "threshold": 0.05, "drifted": true },
                       { "name": "tenure", "kind": "numeric", "method": "ks", "score": 0.01, "pValue": 0.9, "threshold": 0.05, "drifted": false }
                     ] },
          "metrics": null,
          "inputs": { "reference": "/data/reference.csv", "current": "/data/current.csv", "policy": null }
        }
        """;

    public const string Skip = """
        {
          "verdict": "skip",
          "reasons": [ { "rule": "all-clear", "verdict": "skip", "message": "no rule fired: no feature column drifted (0 of 10) and the schema is unchanged", "value": 0, "threshold": 0, "margin": 0 } ],
          "warnings": [],
          "drift": { "share": 0, "detected": false, "columns": [ { "name": "car_value", "kind": "numeric", "method": "ks", "score": 0.02, "pValue": 0.7, "threshold": 0.05, "drifted": false } ] },
          "inputs": { "reference": "/data/reference.csv", "current": "/data/current-stable.csv" }
        }
        """;

    public const string FineTuneFromANewerCli = """
        {
          "verdict": "fine-tune",
          "reasons": [ { "rule": "seasonality-shift", "verdict": "fine-tune", "message": "a rule these tasks do not know yet", "value": 1, "threshold": 1, "margin": 0 } ],
          "warnings": [],
          "drift": { "share": 0.1, "columns": [] }
        }
        """;
}
