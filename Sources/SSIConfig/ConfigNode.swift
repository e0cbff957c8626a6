import TOMLKit

/// A parsed TOML value, detached from the C++ parser so that defaults and user files can be merged.
indirect enum ConfigNode: Sendable, Equatable {
    case table([String: ConfigNode])
    case array([ConfigNode])
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case other(String)

    init(_ value: TOMLValueConvertible) {
        switch value.type {
        case .table: self = .table(ConfigNode.tableMembers(value.table!))
        case .array: self = .array(value.array!.map { ConfigNode($0) })
        case .string: self = .string(value.string!)
        case .int: self = .int(value.int!)
        case .double: self = .double(value.double!)
        case .bool: self = .bool(value.bool!)
        default: self = .other(value.type.description)
        }
    }

    static func tableMembers(_ table: TOMLTable) -> [String: ConfigNode] {
        var members: [String: ConfigNode] = [:]
        for key in table.keys {
            if let value = table[key] { members[key] = ConfigNode(value) }
        }
        return members
    }

    /// `other` laid over `self`: tables merge key by key, anything else is replaced.
    func merged(with other: ConfigNode) -> ConfigNode {
        guard case .table(let base) = self, case .table(let top) = other else { return other }
        var result = base
        for (key, value) in top { result[key] = base[key].map { $0.merged(with: value) } ?? value }
        return .table(result)
    }

    var typeName: String {
        switch self {
        case .table: "table"
        case .array: "array"
        case .string: "string"
        case .int: "integer"
        case .double: "number"
        case .bool: "boolean"
        case .other(let name): name
        }
    }
}
