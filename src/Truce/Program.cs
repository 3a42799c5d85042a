using Truce.Cli;

return await TruceCli.RunAsync(args, Console.Out, Console.Error);
