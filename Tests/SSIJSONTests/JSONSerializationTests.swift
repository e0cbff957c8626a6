import Testing

@testable import SSIJSON

/// Serialization writes bytes in runs; it must give exactly what escaping one Unicode scalar at a
/// time gives, and read back as the same value.
@Suite struct JSONSerializationTests {
    /// The escaping rule, one scalar at a time: the reference the byte runs are checked against.
    static func reference(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func everyEscapeIsWrittenAsTheRuleSays() {
        #expect(JSONValue.string("a\"b\\c\nd\re\tf\u{1}g\u{1f}").serialized() == #""a\"b\\c\nd\re\tf\u0001g\u001f""#)
        #expect(JSONValue.string("x\u{2028}y\u{2029}z").serialized() == #""x\u2028y\u2029z""#)
        #expect(
            JSONValue.string("Ana’s post é 🎉 \u{2027}\u{202A}").serialized() == "\"Ana’s post é 🎉 \u{2027}\u{202A}\"")
        #expect(JSONValue.string("").serialized() == "\"\"")
        let value = JSONValue.object([
            ("id", .string("00ff")), ("n", .number("12.5")), ("ok", .bool(true)), ("none", .null),
            ("list", .array([.string("a"), .bool(false)])),
        ])
        #expect(value.serialized() == #"{"id":"00ff","n":12.5,"ok":true,"none":null,"list":["a",false]}"#)
        #expect(value.serializedBytes() == Array(value.serialized().utf8))
    }

    @Test func randomStringsMatchTheReferenceAndReadBack() throws {
        let pieces: [String] = [
            "a", "Z", " ", "\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{7}", "\u{1f}", "\u{7f}", "é", "’", "\u{2028}",
            "\u{2029}", "\u{2027}", "\u{202f}", "🎉", "\u{e2}", "pricing post", "\u{80}", "\u{ffff}",
        ]
        var random: UInt64 = 0x2545_F491_4F6C_DD1D
        for _ in 0..<2_000 {
            var text = ""
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for step in 0..<Int(random >> 60) {
                text += pieces[Int((random >> UInt64(step * 4 % 56)) % UInt64(pieces.count))]
            }
            let written = JSONValue.string(text).serialized()
            #expect(written == Self.reference(text))
            #expect(try JSONParser.parse(written) == .string(text))
        }
    }
}
