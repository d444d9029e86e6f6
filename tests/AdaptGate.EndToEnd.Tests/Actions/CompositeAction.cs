using YamlDotNet.RepresentationModel;

namespace AdaptGate.EndToEnd.Tests.Actions;

/// <summary>
/// A composite action's action.yml, run as a runner runs it, as far as its shell steps go: each step's if: and
/// ${{ }} expressions evaluated, its env set, its script run by `bash --noprofile --norc -eo pipefail`, its
/// $GITHUB_OUTPUT read back as steps.ID.outputs, and the action's outputs evaluated at the end. Steps that
/// use another action (actions/setup-dotnet) are not run: the machine has .NET already.
/// </summary>
internal sealed class CompositeAction
{
    private readonly YamlMappingNode _root;

    public CompositeAction(string path)
    {
        using var reader = new StreamReader(path);
        var yaml = new YamlStream();
        yaml.Load(reader);
        _root = (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    public IReadOnlyDictionary<string, string?> InputDefaults =>
        Mapping(_root, "inputs").Children.ToDictionary(
            c => Scalar(c.Key)!,
            c => c.Value is YamlMappingNode input ? Scalar(input, "default") : null);

    public ActionRun Run(ActionRunRequest request)
    {
        var steps = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var results = new List<StepResult>();
        var inputs = InputDefaults.ToDictionary(d => d.Key, d => d.Value ?? string.Empty, StringComparer.Ordinal);
        foreach (var (name, value) in request.Inputs)
        {
            inputs[name] = value;
        }

        string Context(string path)
        {
            var parts = path.Split('.');
            return parts switch
            {
                ["inputs", var name] => inputs.TryGetValue(name, out var v) ? ActionExpression.Substitute(v, Context) : string.Empty,
                ["steps", var id, "outputs", var name] => steps.GetValueOrDefault(id)?.GetValueOrDefault(name) ?? string.Empty,
                ["github", .. var rest] => request.Github.GetValueOrDefault(string.Join('.', rest)) ?? string.Empty,
                _ => throw new FormatException($"no context '{path}' in this runner"),
            };
        }

        var index = 0;
        var failed = false;
        foreach (var step in ((YamlSequenceNode)Mapping(_root, "runs").Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>())
        {
            index++;
            var id = Scalar(step, "id") ?? $"step{index}";
            var label = Scalar(step, "name") ?? Scalar(step, "uses") ?? id;
            if (Scalar(step, "uses") is not null)
            {
                results.Add(new StepResult(label, Ran: false, 0, string.Empty, string.Empty));
                continue;
            }

            // After a failed step a runner skips the rest (none of these steps asks for always() or failure()).
            if (failed || !ActionExpression.Condition(Scalar(step, "if"), Context))
            {
                results.Add(new StepResult(label, Ran: false, 0, string.Empty, string.Empty));
                continue;
            }

            var script = Path.Combine(request.RunnerTemp, $"step-{index}-{Guid.NewGuid():N}.sh");
            File.WriteAllText(script, ActionExpression.Substitute(Scalar(step, "run")!, Context));
            var output = Path.Combine(request.RunnerTemp, $"output-{index}-{Guid.NewGuid():N}");
            File.WriteAllText(output, string.Empty);
            var environment = new Dictionary<string, string>(request.Environment, StringComparer.Ordinal)
            {
                ["RUNNER_TEMP"] = request.RunnerTemp,
                ["GITHUB_OUTPUT"] = output,
            };
            if (step.Children.TryGetValue(new YamlScalarNode("env"), out var env))
            {
                foreach (var (key, value) in ((YamlMappingNode)env).Children)
                {
                    environment[Scalar(key)!] = ActionExpression.Substitute(Scalar(value) ?? string.Empty, Context);
                }
            }

            Assert.Equal("bash", Scalar(step, "shell"));
            var run = ProcessRun.Of("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], request.Workspace, environment);
            results.Add(new StepResult(label, Ran: true, run.ExitCode, run.Stdout, run.Stderr));
            steps[id] = GitHubOutputFile.Read(output);
            failed = run.ExitCode != 0;
        }

        var outputs = Mapping(_root, "outputs").Children.ToDictionary(
            o => Scalar(o.Key)!,
            o => ActionExpression.Substitute(Scalar((YamlMappingNode)o.Value, "value") ?? string.Empty, Context),
            StringComparer.Ordinal);
        return new ActionRun(results, outputs, steps);
    }

    private static YamlMappingNode Mapping(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[new YamlScalarNode(key)];

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? Scalar(value) : null;

    private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value;
}

internal sealed record ActionRunRequest(
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Github,
    IReadOnlyDictionary<string, string> Environment,
    string Workspace,
    string RunnerTemp);

internal sealed record StepResult(string Name, bool Ran, int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"{Name}: {(Ran ? $"exit {ExitCode}" : "not run")}\n{Stdout}\n{Stderr}";
}

/// <summary>What the action's steps did, its outputs, and each step's $GITHUB_OUTPUT.</summary>
internal sealed record ActionRun(IReadOnlyList<StepResult> Steps, IReadOnlyDictionary<string, string> Outputs, IReadOnlyDictionary<string, Dictionary<string, string>> StepOutputs)
{
    public StepResult Step(string name) => Steps.Single(s => s.Name == name);

    public override string ToString() => string.Join("\n---\n", Steps);
}

/// <summary>$GITHUB_OUTPUT as runners read it: name=value lines and name&lt;&lt;DELIMITER blocks.</summary>
internal static class GitHubOutputFile
{
    public static Dictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var name = line[..heredoc];
                var delimiter = line[(heredoc + 2)..];
                var body = new List<string>();
                while (++i < lines.Length && lines[i] != delimiter)
                {
                    body.Add(lines[i]);
                }

                values[name] = string.Join("\n", body);
            }
            else if (equals > 0)
            {
                values[line[..equals]] = line[(equals + 1)..];
            }
        }

        return values;
    }
}
