import SSIDomain

/// Reads one TOML table strictly: every key must be read, or it is reported as unknown.
struct ConfigTable {
    let path: [String]
    let members: [String: ConfigNode]
    let context: ConfigContext
    private var read: Set<String> = []

    init(path: [String], members: [String: ConfigNode], context: ConfigContext) {
        self.path = path
        self.members = members
        self.context = context
    }

    var keys: [String] { members.keys.sorted() }

    func error(_ key: String?, _ problem: String) -> ConfigurationError {
        context.error(path + (key.map { [$0] } ?? []), problem)
    }

    mutating func value(_ key: String) -> ConfigNode? {
        read.insert(key)
        return members[key]
    }

    mutating func table(_ key: String, required: Bool = true) throws(ConfigurationError) -> ConfigTable {
        switch value(key) {
        case .table(let members): return ConfigTable(path: path + [key], members: members, context: context)
        case nil where !required: return ConfigTable(path: path + [key], members: [:], context: context)
        case nil: throw error(key, "missing table [\((path + [key]).joined(separator: "."))]")
        case let other?: throw error(key, "expected a table, found \(other.typeName)")
        }
    }

    mutating func double(_ key: String, minimum: Double? = nil, maximum: Double? = nil) throws(ConfigurationError)
        -> Double
    {
        let number: Double
        switch value(key) {
        case .double(let d): number = d
        case .int(let i): number = Double(i)
        case nil: throw error(key, "missing key '\(key)'")
        case let other?: throw error(key, "expected a number, found \(other.typeName)")
        }
        guard number.isFinite else { throw error(key, "must be a finite number") }
        if let minimum, number < minimum {
            throw error(key, minimum == 0 ? "must not be negative (found \(number))" : "must be at least \(minimum)")
        }
        if let maximum, number > maximum { throw error(key, "must be at most \(maximum) (found \(number))") }
        return number
    }

    mutating func int(_ key: String, minimum: Int) throws(ConfigurationError) -> Int {
        switch value(key) {
        case .int(let i):
            guard i >= minimum else {
                throw error(key, minimum == 0 ? "must not be negative (found \(i))" : "must be at least \(minimum)")
            }
            return i
        case nil: throw error(key, "missing key '\(key)'")
        case let other?: throw error(key, "expected an integer, found \(other.typeName)")
        }
    }

    mutating func string(_ key: String) throws(ConfigurationError) -> String {
        switch value(key) {
        case .string(let s): return s
        case nil: throw error(key, "missing key '\(key)'")
        case let other?: throw error(key, "expected a string, found \(other.typeName)")
        }
    }

    mutating func optionalString(_ key: String) throws(ConfigurationError) -> String? {
        members[key] == nil
            ? {
                read.insert(key); return nil
            }() : try string(key)
    }

    mutating func bool(_ key: String, default defaultValue: Bool) throws(ConfigurationError) -> Bool {
        switch value(key) {
        case .bool(let b): return b
        case nil: return defaultValue
        case let other?: throw error(key, "expected true or false, found \(other.typeName)")
        }
    }

    mutating func strings(_ key: String) throws(ConfigurationError) -> [String] {
        switch value(key) {
        case .array(let items):
            var result: [String] = []
            for item in items {
                guard case .string(let s) = item else { throw error(key, "expected an array of strings") }
                result.append(s)
            }
            return result
        case nil: throw error(key, "missing key '\(key)'")
        case let other?: throw error(key, "expected an array of strings, found \(other.typeName)")
        }
    }

    mutating func pillar(_ key: String) throws(ConfigurationError) -> SSIDomain.Pillar {
        guard members[key] != nil else {
            throw error(key, "missing pillar (one of brand, find, engage, relationships)")
        }
        let name = try string(key)
        guard let pillar = SSIDomain.Pillar(rawValue: name) else {
            throw error(key, "unknown pillar '\(name)' (one of brand, find, engage, relationships)")
        }
        return pillar
    }

    /// Fails on the first key that nothing read: a typo must not silently become a default.
    func finish() throws(ConfigurationError) {
        for key in keys where !read.contains(key) {
            throw error(key, "unknown key '\(key)' in [\(path.joined(separator: "."))]")
        }
    }
}
