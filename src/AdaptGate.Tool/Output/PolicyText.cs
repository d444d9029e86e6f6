using System.Globalization;
using AdaptGate.Core.Decision;
using AdaptGate.Core.Policy;
using Spectre.Console;

namespace AdaptGate.Tool.Output;

/// <summary>A policy for a person: where it came from, its rules in evaluation order, then how drift is measured.</summary>
internal static class PolicyText
{
    public static string Render(string source, IReadOnlyList<ExplainedRule> rules, IReadOnlyList<ExplainedSetting> settings, bool color = false, int width = 120)
    {
        var (console, writer) = StringConsole.Create(color, width);

        console.Write(new Markup($"[bold]Policy:[/] {Markup.Escape(source)}"));
        console.WriteLine();
        console.WriteLine();
        console.Write(new Markup("[bold]Rules, in the order they are evaluated:[/]"));
        console.WriteLine();

        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var number = (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(2);
            var verdict = $"[{Color(rule.Verdict)}]{rule.Verdict.Name()}[/]";
            var does = rule.Replaces is { } from ? $": turns {from.Name()} into {verdict}" : $" → {verdict}";
            var off = rule.Enabled ? string.Empty : " [dim](off)[/]";
            console.Write(new Markup($"{number}. [bold]{rule.Id}[/]{does} [dim]({Scope(rule.Scope)})[/]{off}"));
            console.WriteLine();
            console.Write(new Padder(new Text("Fires when " + rule.FiresWhen), new Padding(6, 0, 0, 0)));
        }

        console.WriteLine();
        console.Write(new Markup("[bold]Measurement[/]"));
        console.WriteLine();
        foreach (var setting in settings)
        {
            console.Write(new Padder(new Text($"{setting.Name}: {setting.Value}"), new Padding(2, 0, 0, 0)));
        }

        // Padded blocks fill the line with spaces; logs and diffs are cleaner without them.
        var lines = writer.ToString().Split('\n').Select(line => line.TrimEnd());
        return string.Join('\n', lines);
    }

    private static string Scope(RuleScope scope) => scope switch
    {
        RuleScope.WithMetrics => "with metrics",
        RuleScope.WithoutMetrics => "without metrics",
        RuleScope.Adjustment => "after the others",
        _ => "always",
    };

    private static string Color(Verdict verdict) => verdict switch
    {
        Verdict.Skip => "green",
        Verdict.FineTune => "yellow",
        _ => "red",
    };
}
