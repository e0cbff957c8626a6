import SSIProtocol
import Testing

/// The protocol's table of operations against the real client's subcommands: every operation has
/// its command, every command is an operation or a local one, and both are reserved as action names.
@Suite struct CommandTableTests {
    @Test func theClientsSubcommandsAreExactlyTheTable() throws {
        let help = try Tool.run(try DaemonHarness.binary("ssi-log"), ["--help"])
        #expect(help.status == 0)
        let section = try #require(help.stdout.components(separatedBy: "SUBCOMMANDS:").last)
        // Subcommand lines start with two spaces and the name; wrapped help text is indented further.
        let names = Set(
            section.split(separator: "\n").compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
                return line.split(separator: " ").first.map(String.init)
            }
        ).subtracting(["See"])
        let table = Set(OperationName.allCases.map(\.commandName) + OperationName.localCommandNames)
        #expect(names.union(["help"]) == table, "client: \(names.sorted()), table: \(table.sorted())")
        #expect(OperationName.reservedActionNames == table)
    }
}
