import SSIDomain

/// The fields of a `snapshot` request: what LinkedIn's SSI page showed.
public struct SnapshotRequest: Sendable, Equatable {
    public var total: Int
    /// Each pillar in thousandths of a point.
    public var pillarThousandths: [Pillar: Int]
    public var industryRank: Int?
    public var networkRank: Int?
    /// When the page showed it, as typed (default: now).
    public var at: String?

    public init(
        total: Int, pillarThousandths: [Pillar: Int], industryRank: Int? = nil, networkRank: Int? = nil,
        at: String? = nil
    ) {
        self.total = total
        self.pillarThousandths = pillarThousandths
        self.industryRank = industryRank
        self.networkRank = networkRank
        self.at = at
    }
}
