import PropertyBased
import SSIProtocol
import Testing

/// Many thousands of hostile request lines: the decoder never crashes and always answers with a
/// structured error (or a valid request).
@Suite struct RequestFuzzTests {
    static let valid = [
        #"{"v":1,"id":"a1","op":"log","action":"comment","note":"hi","at":"2026-11-29T09:30"}"#,
        #"{"v":1,"id":"a2","op":"score","explain":true}"#, #"{"v":1,"id":"a3","op":"history","days":7}"#,
        #"{"v":1,"id":"a4","op":"log","action":"connection","tags":["internal"],"count":3}"#,
        #"{"v":1,"id":"a5","op":"undo","event":"0011223344556677"}"#,
    ].map { Array($0.utf8) }

    static func check(_ bytes: [UInt8]) -> Bool {
        switch Request.decode(bytes) {
        case .success(let request): return !request.id.isEmpty
        case .failure(let failure): return !failure.error.message.isEmpty
        }
    }

    @Test func randomBytesGetAStructuredAnswer() async {
        await propertyCheck(count: 4000, input: Gen.uint8().array(of: 0...300)) { bytes in
            #expect(Self.check(bytes))
        }
    }

    @Test func mutatedValidRequestsGetAStructuredAnswer() async {
        // Each integer is one edit: which kind, where, and which byte.
        await propertyCheck(count: 6000, input: Gen.int(in: 0...Int.max >> 8).array(of: 1...6)) { codes in
            var bytes = Self.valid[codes[0] % Self.valid.count]
            for code in codes where !bytes.isEmpty {
                let kind = code % 4
                let position = (code >> 2) % 10_000
                let byte = UInt8(truncatingIfNeeded: code >> 16)
                let index = position % bytes.count
                switch kind {
                case 0: bytes[index] = byte
                case 1: bytes.insert(byte, at: index)
                case 2: bytes.remove(at: index)
                default: bytes = Array(bytes[0..<index])
                }
            }
            #expect(Self.check(bytes))
        }
    }

    @Test func structuralTortureCases() {
        let cases: [String] = [
            String(repeating: "{\"a\":", count: 5000), String(repeating: "[", count: 1_000_000),
            #"{"v":1,"id":"x","op":"log","action":"comment","count":123456789012345678901234567890}"#,
            #"{"v":1e400,"id":"x","op":"score"}"#, #"{"v":1,"id":"x","op":"score","v":2}"#,
            #"{"v":1,"id":"\u0000","op":"score"}"#, #"{"v":1,"id":"x","op":"log","action":"a\u0000b"}"#,
            #"{"v":1,"id":"x","op":"score"} trailing"#, #"{"v":1,"id":"\ud800","op":"score"}"#,
            "\u{FEFF}{\"v\":1,\"id\":\"x\",\"op\":\"score\"}", "", " ", "null", "\"string\"", "-0", "1e999999",
            #"{"v":true,"id":"x","op":"score"}"#, #"{"v":1,"id":5,"op":"score"}"#,
            #"{"v":1,"id":"x","op":"log","action":"comment","tags":"oops"}"#,
        ]
        for text in cases { #expect(Self.check(Array(text.utf8)), "\(text.prefix(40))") }
        print("request fuzz: 10000 generated lines and \(cases.count) torture cases decoded without a crash")
    }
}
