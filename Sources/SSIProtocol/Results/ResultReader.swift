import SSIDomain
import SSIJSON

/// Reads the fields of a result object with their types checked; a missing or mistyped field is
/// an unreadable response (the client and daemon disagree), never a silent `?`.
struct ResultReader {
    let json: JSONValue
    let context: String

    init(_ json: JSONValue, _ context: String) throws(ProtocolError) {
        guard case .object = json else { throw ProtocolError(.internalError, "unreadable \(context): not an object") }
        self.json = json
        self.context = context
    }

    func missing(_ key: String) -> ProtocolError {
        ProtocolError(.internalError, "unreadable \(context): \"\(key)\" missing or of the wrong type")
    }

    func string(_ key: String) throws(ProtocolError) -> String {
        guard let value = json[key]?.stringValue else { throw missing(key) }
        return value
    }

    func optionalString(_ key: String) throws(ProtocolError) -> String? {
        switch json[key] {
        case nil, .null?: return nil
        case .string(let value)?: return value
        default: throw missing(key)
        }
    }

    func int(_ key: String) throws(ProtocolError) -> Int {
        guard let value = json[key]?.intValue else { throw missing(key) }
        return value
    }

    func bool(_ key: String) throws(ProtocolError) -> Bool {
        guard let value = json[key]?.boolValue else { throw missing(key) }
        return value
    }

    /// A decimal with up to two places, as hundredths: `63.41` → 6341.
    func hundredths(_ key: String) throws(ProtocolError) -> Int {
        guard case .number(let text)? = json[key], let value = Self.hundredths(text) else { throw missing(key) }
        return value
    }

    func number(_ key: String) throws(ProtocolError) -> String {
        guard case .number(let text)? = json[key] else { throw missing(key) }
        return text
    }

    func pillar(_ key: String) throws(ProtocolError) -> Pillar {
        guard let value = Pillar(rawValue: try string(key)) else { throw missing(key) }
        return value
    }

    func object(_ key: String) throws(ProtocolError) -> JSONValue {
        guard let value = json[key], case .object = value else { throw missing(key) }
        return value
    }

    func array(_ key: String) throws(ProtocolError) -> [JSONValue] {
        guard let value = json[key]?.arrayValue else { throw missing(key) }
        return value
    }

    /// Each element of an array field, read by `read`.
    func list<T>(_ key: String, _ read: (JSONValue) throws(ProtocolError) -> T) throws(ProtocolError) -> [T] {
        var result: [T] = []
        for item in try array(key) { result.append(try read(item)) }
        return result
    }

    /// An object keyed by pillar, each value read by `read`.
    func perPillar<T>(_ key: String, _ read: (ResultReader, String) throws(ProtocolError) -> T) throws(ProtocolError)
        -> [Pillar: T]
    {
        let members = try ResultReader(try object(key), "\(context).\(key)")
        var result: [Pillar: T] = [:]
        for pillar in Pillar.allCases { result[pillar] = try read(members, pillar.rawValue) }
        return result
    }

    static func hundredths(_ text: String) -> Int? {
        var digits = Substring(text)
        let negative = digits.hasPrefix("-")
        if negative { digits = digits.dropFirst() }
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), parts[0].allSatisfy(\.isASCII) else {
            return nil
        }
        var fraction = 0
        if parts.count == 2 {
            let text = parts[1]
            guard (1...2).contains(text.count), let value = Int(text) else { return nil }
            fraction = text.count == 1 ? value * 10 : value
        }
        let magnitude = whole * 100 + fraction
        return negative ? -magnitude : magnitude
    }
}
