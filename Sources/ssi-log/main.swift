if !QuickEntry.handled(CommandLine.arguments.dropFirst()) { SSILog.main() }
