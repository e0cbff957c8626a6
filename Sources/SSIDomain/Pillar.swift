/// The four pillars of the Social Selling Index, each worth 0 to 25 points.
public enum Pillar: String, CaseIterable, Sendable, Comparable, Hashable {
    case brand
    case find
    case engage
    case relationships

    /// The most a pillar can reach; four of them make the total of 100.
    public static let maximum = 25.0

    public static func < (lhs: Pillar, rhs: Pillar) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// What LinkedIn calls the pillar, for people reading a report.
    public var title: String {
        switch self {
        case .brand: "Establish your professional brand"
        case .find: "Find the right people"
        case .engage: "Engage with insights"
        case .relationships: "Build relationships"
        }
    }
}
