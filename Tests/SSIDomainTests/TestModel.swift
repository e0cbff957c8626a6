import SSIConfig
import SSIDomain

/// The documented default model in a fixed time zone with daylight saving, so that tests do not
/// depend on the machine's zone.
enum TestModel {
    static let lisbon: ScoreModel = {
        try! ConfigurationLoader.load(userText: "[score]\ntimezone = \"Europe/Lisbon\"\n", userFile: "test").model
    }()

    /// 2026-11-29T12:00:00Z.
    static let noon: Int64 = CivilTime.parseUTC("2026-11-29T12:00:00Z")!

    static func event(
        _ action: String, at occurred: Int64, seq: UInt64, count: Int = 1, tags: [String] = [], section: String? = nil
    ) -> JournalEntry {
        .action(
            ActionEvent(
                id: "e\(seq)", seq: seq, action: action, occurred: occurred, recorded: occurred, count: count,
                tags: tags, section: section))
    }
}
