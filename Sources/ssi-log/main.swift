let arguments = CommandNameFirst.reordered(Array(CommandLine.arguments.dropFirst()))
if !QuickEntry.handled(arguments[...]) { SSILog.main(arguments) }
