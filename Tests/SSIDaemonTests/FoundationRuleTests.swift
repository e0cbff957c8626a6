import Foundation
import Testing

/// The rule for Foundation (docs/architecture.md): the client `ssi-log` must start like a plain CLI,
/// so neither it nor any target it links may import Foundation. Only the daemon's side (SSIConfig,
/// whose TOML parser brings Foundation anyway, SSIDaemon, ssi-logd), the benchmark and the
/// simulation may.
@Suite struct FoundationRuleTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let mayImport: Set<String> = ["SSIConfig", "SSIDaemon", "ssi-logd", "SSIJournalSimulation", "ssi-log-bench"]
    static let clientTargets: Set<String> = [
        "ssi-log", "SSIDomain", "SSIProtocol", "SSIJournal", "SSIJSON", "SSIImport", "SSISystem",
    ]

    @Test func onlyTheDaemonSideImportsFoundation() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        var offenders: [String] = []
        var targets: [String] = []
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path).sorted() {
            targets.append(target)
            let directory = sources.appendingPathComponent(target)
            guard let files = FileManager.default.enumerator(atPath: directory.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                let imports = text.split(separator: "\n").contains {
                    $0.trimmingCharacters(in: .whitespaces).hasPrefix("import Foundation")
                        || $0.contains("import FoundationEssentials")
                }
                if imports, !Self.mayImport.contains(target) { offenders.append("\(target)/\(file)") }
            }
        }
        #expect(offenders.isEmpty, "Foundation imported outside the daemon side: \(offenders)")
        #expect(Self.clientTargets.isSubset(of: Set(targets)), "a client target was renamed: update the rule")
        #expect(Self.clientTargets.isDisjoint(with: Self.mayImport))
    }

    /// The built client links no Foundation and no ICU, whatever a dependency might pull in. (The
    /// argument parser's own `FoundationEssentials`, which carries no ICU, is the one exception.)
    /// A dynamically linked client (debug) is asked with `ldd`; the static release client carries
    /// its libraries inside, so its symbols are searched for their modules' mangled names.
    @Test func theClientBinaryLinksNoFoundation() throws {
        let client = try DaemonHarness.binary("ssi-log")
        let linked = try Tool.run("/usr/bin/ldd", [client])
        if (linked.stdout + linked.stderr).contains("not a dynamic executable") {
            let image = try Data(contentsOf: URL(fileURLWithPath: client))
            #expect(image.count > 1_000_000, "\(client) is not the built client")
            for marker in ["$s10Foundation", "30FoundationInternationalization", "_FoundationICU", "ucol_open"] {
                #expect(image.range(of: Data(marker.utf8)) == nil, "the static client carries \(marker)")
            }
            #expect(image.range(of: Data("$s7SSIJSON".utf8)) != nil, "the search finds module names")
            return
        }
        #expect(linked.status == 0, "\(linked.stderr)")
        let libraries = linked.stdout.lowercased()
        for library in ["libfoundation.so", "foundationinternationalization", "icu"] {
            #expect(!libraries.contains(library), "the client links \(library): \(linked.stdout)")
        }
    }
}
