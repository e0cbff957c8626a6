/// The fixed `MESSAGE_ID`s of ssi-logd's structured entries; `systemd/ssi-logd.catalog` explains
/// them for `journalctl -x`.
public enum JournaldMessageID {
    /// A score-drop alert (PRIORITY=4).
    public static let scoreDrop = "cba65c0b073e4dcab9e98a86cdcf159d"
    /// A pillar forecast to fall below a round level within days (PRIORITY=5).
    public static let forecast = "a111f2e364b24d3d9ed3fab0fb7b8298"
    /// The weekly word about the last complete week (PRIORITY=5).
    public static let weekly = "0b39a620bee04d769da1f06aa239dcb6"
    /// One logged event (PRIORITY=6).
    public static let eventLogged = "3b7fab1ca39a4955b9e7cdb58d1395ac"
}
