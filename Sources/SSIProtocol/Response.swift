import SSIJSON

/// Builds response lines: `{"id":…,…result}` or `{"id":…,"error":{"code":…,"message":…}}`.
public enum Response {
    public static func success(id: String, _ members: [(String, JSONValue)]) -> String {
        JSONValue.object([("id", .string(id))] + members).serialized()
    }

    public static func failure(id: String?, _ error: ProtocolError) -> String {
        JSONValue.object([
            ("id", id.map { .string($0) } ?? .null),
            ("error", .object([("code", .string(error.code.rawValue)), ("message", .string(error.message))])),
        ]).serialized()
    }
}
