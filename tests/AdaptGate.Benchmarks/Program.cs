using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

// Always in-process: BenchmarkDotNet's generated projects would inherit the repo's warnings-as-errors
// build settings, and these kernels do not need a separate process to be measured fairly.
string[] options = args.Contains("--inProcess", StringComparer.OrdinalIgnoreCase) ? args : [.. args, "--inProcess"];
var config = ManualConfig.Create(DefaultConfig.Instance).AddDiagnoser(MemoryDiagnoser.Default);
BenchmarkSwitcher.FromAssembly(typeof(AdaptGate.Benchmarks.SampleData).Assembly).Run(options, config);
