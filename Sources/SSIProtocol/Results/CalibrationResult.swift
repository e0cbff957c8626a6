import SSIDomain
import SSIJSON

/// What `calibrate` answers: per pillar the error against LinkedIn's snapshots before and after the
/// fit and the parameters it would change, the keys a calibration file would set, and where that
/// file goes. Numbers in ten-thousandths, so that they round-trip exactly.
public struct CalibrationResult: WireResult {
    /// One pillar's fit.
    public struct Line: Sendable, Equatable {
        public var pillar: Pillar
        public var scaleBefore: Int
        public var scaleAfter: Int
        public var multiplier: Int
        public var errorBefore: Int
        public var errorAfter: Int
        public var refusal: String?
    }

    public var refusal: String?
    public var pillars: [Line]
    /// `pillars.brand.scale`, `actions.post.points`, … with their values, for the calibration file.
    public var keys: [(key: String, value: Int)]
    public var calibrationFile: String

    public static func == (lhs: CalibrationResult, rhs: CalibrationResult) -> Bool {
        lhs.refusal == rhs.refusal && lhs.pillars == rhs.pillars && lhs.calibrationFile == rhs.calibrationFile
            && lhs.keys.map(\.key) == rhs.keys.map(\.key) && lhs.keys.map(\.value) == rhs.keys.map(\.value)
    }

    static func tenThousandths(_ value: Double) -> Int { Int((value * 10_000).rounded()) }

    public init(_ fit: Calibration, keys: [(key: String, value: Double)], calibrationFile: String) {
        refusal = fit.refusal
        pillars = fit.pillars.map {
            Line(
                pillar: $0.pillar, scaleBefore: Self.tenThousandths($0.scaleBefore),
                scaleAfter: Self.tenThousandths($0.scaleAfter), multiplier: Self.tenThousandths($0.activityMultiplier),
                errorBefore: Self.tenThousandths($0.errorBefore), errorAfter: Self.tenThousandths($0.errorAfter),
                refusal: $0.refusal)
        }
        self.keys = keys.map { ($0.key, Self.tenThousandths($0.value)) }
        self.calibrationFile = calibrationFile
    }

    public init(json: JSONValue) throws(ProtocolError) {
        let reader = try ResultReader(json, "calibration result")
        refusal = try reader.optionalString("refusal")
        calibrationFile = try reader.string("calibration_file")
        pillars = try reader.list("pillars") { (item) throws(ProtocolError) in
            let line = try ResultReader(item, "calibration pillar")
            return Line(
                pillar: try line.pillar("pillar"), scaleBefore: try Self.read(line, "scale_before"),
                scaleAfter: try Self.read(line, "scale_after"), multiplier: try Self.read(line, "points_multiplier"),
                errorBefore: try Self.read(line, "error_before"), errorAfter: try Self.read(line, "error_after"),
                refusal: try line.optionalString("refusal"))
        }
        keys = try reader.list("keys") { (item) throws(ProtocolError) in
            let entry = try ResultReader(item, "calibration key")
            return (try entry.string("key"), try Self.read(entry, "value"))
        }
    }

    static func read(_ reader: ResultReader, _ key: String) throws(ProtocolError) -> Int {
        guard let value = Self.parse(try reader.number(key)) else { throw reader.missing(key) }
        return value
    }

    /// `34.0006` as 340006.
    static func parse(_ text: String) -> Int? {
        let negative = text.hasPrefix("-")
        let parts = (negative ? text.dropFirst() : Substring(text)).split(
            separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = Int(parts[0]) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            guard (1...4).contains(parts[1].count), let digits = Int(parts[1]) else { return nil }
            fraction = digits * [1000, 100, 10, 1][parts[1].count - 1]
        }
        return (negative ? -1 : 1) * (whole * 10_000 + fraction)
    }

    /// `34.0006` from 340006.
    public static func format(_ value: Int) -> String {
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let fraction = String(magnitude % 10_000)
        return "\(sign)\(magnitude / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }

    public var json: JSONValue {
        .object([
            ("refusal", refusal.map { .string($0) } ?? .null),
            (
                "pillars",
                .array(
                    pillars.map {
                        .object([
                            ("pillar", .string($0.pillar.rawValue)),
                            ("scale_before", .number(Self.format($0.scaleBefore))),
                            ("scale_after", .number(Self.format($0.scaleAfter))),
                            ("points_multiplier", .number(Self.format($0.multiplier))),
                            ("error_before", .number(Self.format($0.errorBefore))),
                            ("error_after", .number(Self.format($0.errorAfter))),
                            ("refusal", $0.refusal.map { .string($0) } ?? .null),
                        ])
                    })
            ),
            (
                "keys",
                .array(keys.map { .object([("key", .string($0.key)), ("value", .number(Self.format($0.value)))]) })
            ),
            ("calibration_file", .string(calibrationFile)),
        ])
    }

    /// The calibration file: the keys as TOML tables, with a header saying where they came from.
    public var fileText: String {
        var text = "# Written by `ssi-log calibrate --apply`: the model fitted to LinkedIn's SSI snapshots.\n"
        text += "# Loaded after config.toml; delete this file to go back to your own values.\n"
        var tables: [(String, [(String, Int)])] = []
        for (key, value) in keys {
            let parts = key.split(separator: ".")
            guard parts.count == 3 else { continue }
            let table = "\(parts[0]).\(parts[1])"
            if let index = tables.firstIndex(where: { $0.0 == table }) {
                tables[index].1.append((String(parts[2]), value))
            } else {
                tables.append((table, [(String(parts[2]), value)]))
            }
        }
        for (table, values) in tables {
            text += "\n[\(table)]\n"
            for (name, value) in values { text += "\(name) = \(Self.format(value))\n" }
        }
        return text
    }
}
