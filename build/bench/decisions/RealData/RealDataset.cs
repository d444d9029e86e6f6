namespace AdaptGate.Bench.Decisions.RealData;

/// <summary>
/// A real, time-ordered data set of the shared data folder and how a team would model it: the label, the
/// numeric and categorical features, the task. The files are read where they are, never copied into the
/// repository (elec2 comes without a licence).
/// </summary>
internal sealed record RealDataset(string Name, string File, string Label, RealTask Task, string[] Numeric, string[] Categorical)
{
    /// <summary>Columns written beside the features and the label, for the check to see as a user's files have them.</summary>
    public string[] Extra { get; init; } = [];

    public string[] Features => [.. Numeric, .. Categorical];

    /// <summary>Turns the source file into the data set's table (a label derived from a column), or null to read it as it is.</summary>
    public Func<RealTable, RealTable>? Prepare { get; init; }

    /// <summary>
    /// Electricity prices of New South Wales (Harries 1999): will the price rise against the last day's average?
    /// Every feature is normalised to [0, 1] in the source.
    /// </summary>
    public static RealDataset Elec2Binary { get; } = new(
        "elec2", Path.Combine("elec2", "elec2.csv"), "class", RealTask.Binary,
        ["period", "nswprice", "nswdemand", "vicprice", "vicdemand", "transfer"], []);

    /// <summary>The same market as a regression: New South Wales' demand from the time of day, the prices and the interconnector.</summary>
    public static RealDataset Elec2Demand { get; } = new(
        "elec2-demand", Path.Combine("elec2", "elec2.csv"), "nswdemand", RealTask.Regression,
        ["period", "nswprice", "vicprice", "vicdemand", "transfer"], []);

    /// <summary>
    /// The same market as three classes: is New South Wales' demand low, mid or high, cut at the terciles of the whole
    /// file (fixed cuts, so a class means the same demand in every window).
    /// </summary>
    public static RealDataset Elec2DemandLevel { get; } = new(
        "elec2-level", Path.Combine("elec2", "elec2.csv"), "demand_level", RealTask.Multiclass,
        ["period", "nswprice", "vicprice", "vicdemand", "transfer"], [])
    {
        Prepare = table =>
        {
            var at = table.IndexOf("nswdemand");
            var sorted = table.Rows.Select(r => double.Parse(r[at], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
            var (low, high) = (sorted[sorted.Length / 3], sorted[2 * sorted.Length / 3]);
            return table.WithColumn("demand_level", row =>
            {
                var demand = double.Parse(row[at], System.Globalization.CultureInfo.InvariantCulture);
                return demand < low ? "low" : demand < high ? "mid" : "high";
            });
        },
    };

    /// <summary>NannyML's synthetic car loans (MIT): will the loan be repaid?</summary>
    public static RealDataset CarLoanReference { get; } = new(
        "car-loan", Path.Combine("nannyml-car-loan", "synthetic_car_loan_reference.csv"), "repaid", RealTask.Binary,
        ["car_value", "debt_to_income_ratio", "loan_length", "driver_tenure"],
        ["salary_range", "repaid_loan_on_prev_car", "size_of_downpayment"]) { Extra = ["timestamp"] };

    public static RealDataset CarLoanMonitoring { get; } = CarLoanReference with
    {
        File = Path.Combine("nannyml-car-loan", "synthetic_car_loan_monitoring.csv"),
    };

    /// <summary>
    /// The shared data folder: <c>--data DIR</c>, else <c>ADAPTGATE_SHARED_DATA</c>, else <c>shared/data</c>
    /// beside the repository or any folder above it (a clone and the shared folder sit side by side).
    /// </summary>
    public static string? Locate(string? given)
    {
        if ((given ?? Environment.GetEnvironmentVariable("ADAPTGATE_SHARED_DATA")) is { } named)
        {
            return Directory.Exists(named) ? Path.GetFullPath(named) : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "data");
            if (Directory.Exists(Path.Combine(candidate, "elec2")))
            {
                return candidate;
            }
        }

        return null;
    }
}
