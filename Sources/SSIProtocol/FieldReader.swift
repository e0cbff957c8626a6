import SSIDomain
import SSIJSON

/// Reads the fields of a request object with their types checked; unknown fields are refused so
/// that a misspelt option never goes unnoticed.
struct FieldReader {
    let json: JSONValue
    var allowed: Set<String>

    init(json: JSONValue, allowed: Set<String>) {
        self.json = json
        self.allowed = allowed
    }

    mutating func string(_ key: String, required: Bool = false) throws(ProtocolError) -> String? {
        allowed.insert(key)
        switch json[key] {
        case nil, .null?:
            if required { throw ProtocolError(.badRequest, "missing \"\(key)\"") }
            return nil
        case .string(let s)?:
            guard !s.unicodeScalars.contains("\0") else {
                throw ProtocolError(.invalidArgument, "\"\(key)\" contains NUL")
            }
            return s
        default: throw ProtocolError(.badRequest, "\"\(key)\" must be a string")
        }
    }

    mutating func int(_ key: String) throws(ProtocolError) -> Int? {
        allowed.insert(key)
        switch json[key] {
        case nil, .null?: return nil
        case .number(let text)?:
            guard let value = Int(text) else { throw ProtocolError(.badRequest, "\"\(key)\" must be a whole number") }
            return value
        default: throw ProtocolError(.badRequest, "\"\(key)\" must be a number")
        }
    }

    /// A decimal with up to three places (a JSON number, or a string with a point or comma), as
    /// thousandths.
    mutating func thousandths(_ key: String) throws(ProtocolError) -> Int? {
        allowed.insert(key)
        switch json[key] {
        case nil, .null?: return nil
        case .number(let text)?, .string(let text)?:
            guard let value = SnapshotValues.thousandths(text) else {
                throw ProtocolError(.invalidArgument, "\"\(key)\" must be a number with up to three decimals")
            }
            return value
        default: throw ProtocolError(.badRequest, "\"\(key)\" must be a number")
        }
    }

    mutating func bool(_ key: String) throws(ProtocolError) -> Bool? {
        allowed.insert(key)
        switch json[key] {
        case nil, .null?: return nil
        case .bool(let b)?: return b
        default: throw ProtocolError(.badRequest, "\"\(key)\" must be true or false")
        }
    }

    mutating func strings(_ key: String) throws(ProtocolError) -> [String] {
        allowed.insert(key)
        switch json[key] {
        case nil, .null?: return []
        case .array(let items)?:
            var result: [String] = []
            for item in items {
                guard case .string(let s) = item, !s.isEmpty, !s.unicodeScalars.contains("\0") else {
                    throw ProtocolError(.badRequest, "\"\(key)\" must be an array of non-empty strings")
                }
                result.append(s)
            }
            return result
        default: throw ProtocolError(.badRequest, "\"\(key)\" must be an array of strings")
        }
    }

    func finish() throws(ProtocolError) {
        for (key, _) in json.objectValue ?? [] where !allowed.contains(key) {
            throw ProtocolError(.badRequest, "unknown field \"\(key)\"")
        }
    }
}
