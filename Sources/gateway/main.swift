import Gateway
import Simulators

/// Entry point of the `gateway` command line; subcommands are dispatched by `CommandLineTool`.
import Glibc
let exitCode = await CommandLineTool.run(arguments: Array(CommandLine.arguments.dropFirst()))
exit(exitCode)
