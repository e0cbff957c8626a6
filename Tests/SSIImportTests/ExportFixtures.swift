import Foundation
import Testing

/// The project's LinkedIn export fixtures in `Tests/Fixtures/linkedin-export` (fictional people, see
/// the README there).
enum ExportFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/linkedin-export")

    static let folders = [
        "Basic_LinkedInDataExport_05-14-2021", "Complete_LinkedInDataExport_09-18-2022",
        "Basic_LinkedInDataExport_10-21-2023", "Basic_LinkedInDataExport_08-15-2025",
        "Complete_LinkedInDataExport_03-09-2026", "Complete_LinkedInDataExport_10-02-2026",
    ]

    /// Every file of one export folder; fails loudly when the fixtures are missing.
    static func files(_ folder: String) throws -> [(name: String, text: String)] {
        let directory = root.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: directory.path) else {
            throw Missing(
                description: "\(directory.path) not found: the fixtures belong in Tests/Fixtures")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        return try names.map { ($0, try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8)) }
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String
    }
}
