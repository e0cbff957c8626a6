import Foundation
import SSIImport
import Testing

/// Exports as LinkedIn sends them: zips read in memory, stored or deflated, CRC-checked, bounded.
@Suite struct ZipArchiveTests {
    static let zips = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/linkedin-zips")

    func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: Self.zips.appendingPathComponent(name)))
    }

    func files(_ archive: ZipArchive) throws -> [(name: String, text: String)] {
        try archive.entries.filter { !$0.isDirectory }.map {
            ($0.name, String(decoding: try archive.read($0), as: UTF8.self))
        }
    }

    /// Each era's zip gives exactly the plan its folder gives: same actions, same request ids.
    @Test(arguments: ExportFixtures.folders)
    func aZipReadsLikeItsFolder(folder: String) throws {
        let zipped = LinkedInExport.plan(files: try files(try ZipArchive(bytes: try bytes(folder + ".zip"))))
        let unpacked = LinkedInExport.plan(files: try ExportFixtures.files(folder))
        #expect(zipped.actions == unpacked.actions)
        #expect(!zipped.actions.isEmpty)
    }

    @Test func storedEntriesReadToo() throws {
        let archive = try ZipArchive(bytes: try bytes("stored.zip"))
        let plan = LinkedInExport.plan(files: try files(archive))
        #expect(
            plan.actions
                == LinkedInExport.plan(files: try ExportFixtures.files("Complete_LinkedInDataExport_10-02-2026"))
                .actions)
    }

    @Test(arguments: [
        ("damaged.zip", "Connections.csv"), ("truncated.zip", "truncated"), ("oversized.zip", "limit"),
        ("bomb.zip", "zip bomb"),
    ])
    func brokenArchivesAreRefusedWithAReason(name: String, reason: String) throws {
        let data = try bytes(name)
        var message = ""
        do {
            let archive = try ZipArchive(bytes: data)
            for entry in archive.entries { _ = try archive.read(entry) }
        } catch {
            message = error.description
        }
        #expect(message.contains(reason), "\(name): '\(message)'")
    }

    @Test func notAZipAtAll() {
        #expect(throws: ZipError.self) { try ZipArchive(bytes: Array("First Name,Last Name\n".utf8)) }
        #expect(!ZipArchive.looksLikeZip(Array("First Name".utf8)))
    }
}
