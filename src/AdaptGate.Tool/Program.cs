using AdaptGate.Tool.Cli;
using AdaptGate.Tool.Output;

using var signals = TerminationSignals.Listen();
var code = AdaptGateCli.Run(args, new StandardOutputWriter(Console.Out), Console.Error, signals.Token);
return signals.ExitCode(code);
