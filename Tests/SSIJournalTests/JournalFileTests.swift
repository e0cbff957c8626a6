import Foundation
import SSIDomain
import SSIJournal
import Testing

@Suite struct JournalFileTests {
    func event(_ seq: UInt64) -> [UInt8] {
        JournalRecord.encode(.action(ActionEvent(id: "e\(seq)", seq: seq, action: "like", occurred: 1, recorded: 1)))
    }

    @Test func aNewJournalIsPrivateAndLocked() throws {
        let directory = try TemporaryDirectory()
        let state = directory.path + "/state"
        let (file, _) = try JournalFile.open(directory: state)
        try file.append([event(1), event(2)])
        var info = stat()
        stat(state, &info)
        #expect(info.st_mode & 0o777 == 0o700)
        stat(state + "/journal.jsonl", &info)
        #expect(info.st_mode & 0o777 == 0o600)
        #expect(throws: JournalError.self) { try JournalFile.open(directory: state) }
        #expect(file.length == (event(1).count + event(2).count + 2))
    }

    @Test func aSymlinkedJournalIsRefused() throws {
        let directory = try TemporaryDirectory()
        try Data().write(to: URL(fileURLWithPath: directory.path + "/elsewhere"))
        try FileManager.default.createDirectory(atPath: directory.path + "/state", withIntermediateDirectories: true)
        symlink(directory.path + "/elsewhere", directory.path + "/state/journal.jsonl")
        #expect {
            try JournalFile.open(directory: directory.path + "/state")
        } throws: { error in
            (error as? JournalError)?.description.contains("symbolic link") == true
        }
    }

    @Test func aJournalWithExtraHardLinksIsRefused() throws {
        let directory = try TemporaryDirectory()
        let state = directory.path + "/state"
        _ = try JournalFile.open(directory: state)
        link(state + "/journal.jsonl", directory.path + "/copy")
        #expect {
            try JournalFile.open(directory: state)
        } throws: { error in
            (error as? JournalError)?.description.contains("hard links") == true
        }
    }

    @Test func aJournalThatIsNotARegularFileIsRefused() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(
            atPath: directory.path + "/state/journal.jsonl", withIntermediateDirectories: true)
        #expect(throws: JournalError.self) { try JournalFile.open(directory: directory.path + "/state") }
    }

    @Test func aLooseStateDirectoryIsTightened() throws {
        let directory = try TemporaryDirectory()
        let state = directory.path + "/state"
        mkdir(state, 0o755)
        chmod(state, 0o755)
        _ = try JournalFile.open(directory: state)
        var info = stat()
        stat(state, &info)
        #expect(info.st_mode & 0o777 == 0o700)
    }
}
