import SSIJSON

/// What `reload` answers once the new configuration is in force: where it came from.
public struct ReloadResult: WireResult {
    public var config: String

    public init(config: String) {
        self.config = config
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "reload result")
        guard try reader.bool("reloaded") else { throw reader.missing("reloaded") }
        self.init(config: try reader.string("config"))
    }

    public var json: JSONValue { .object([("reloaded", .bool(true)), ("config", .string(config))]) }
}
