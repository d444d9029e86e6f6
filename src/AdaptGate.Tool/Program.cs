using AdaptGate.Tool.Cli;

return AdaptGateCli.Run(args, Console.Out, Console.Error);
