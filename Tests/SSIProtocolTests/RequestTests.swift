import SSIProtocol
import Testing

@Suite struct RequestTests {
    func decode(_ text: String) -> Result<Request, RequestFailure> { Request.decode(Array(text.utf8)) }

    @Test func aLogRequestDecodes() throws {
        let request = try decode(
            #"{"v":1,"id":"a1","op":"log","action":"comment","note":"hi","at":"2026-11-29T09:30"}"#
        )
        .get()
        #expect(request.id == "a1")
        #expect(request.operation == .log(LogRequest(action: "comment", note: "hi", at: "2026-11-29T09:30")))
    }

    @Test func requestsRoundTripThroughTheirEncoding() throws {
        let operations: [Request.Operation] = [
            .log(LogRequest(action: "connection", count: 3, url: "u", tags: ["internal"])), .undo(target: nil),
            .undo(target: "abc"), .score(explain: true), .score(explain: false), .status, .history(days: 9), .actions,
            .today, .reload,
        ]
        for operation in operations {
            let request = Request(id: "x", operation: operation)
            #expect(try decode(request.encoded()).get() == request)
        }
    }

    @Test(arguments: [
        ("not json", nil as String?), (#"[1,2]"#, nil), (#"{"id":"a","op":"score"}"#, "a"),
        (#"{"v":2,"id":"a","op":"score"}"#, "a"), (#"{"v":1,"op":"score"}"#, nil), (#"{"v":1,"id":"a"}"#, "a"),
        (#"{"v":1,"id":"a","op":"fly"}"#, "a"), (#"{"v":1,"id":"a","op":"log"}"#, "a"),
        (#"{"v":1,"id":"a","op":"log","action":5}"#, "a"), (#"{"v":1,"id":"a","op":"score","colour":1}"#, "a"),
        (#"{"v":1,"id":"a","op":"log","action":"x","count":1e99}"#, "a"),
        (#"{"v":1,"id":"a","op":"history","days":-1}"#, "a"),
    ])
    func badRequestsGetAStructuredError(text: String, id: String?) {
        guard case .failure(let failure) = decode(text) else {
            Issue.record("accepted \(text)")
            return
        }
        #expect(failure.id == id)
        #expect(!failure.error.message.isEmpty)
    }

    @Test func deepNestingIsRefusedWithoutRecursingForever() {
        let text = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        guard case .failure(let failure) = decode(text) else {
            Issue.record("accepted deep nesting")
            return
        }
        #expect(failure.error.code == .badRequest)
    }

    @Test func invalidUTF8IsRefused() {
        let bytes: [UInt8] = Array(#"{"v":1,"id":""#.utf8) + [0xC3, 0x28] + Array(#"","op":"score"}"#.utf8)
        guard case .failure = Request.decode(bytes) else {
            Issue.record("accepted invalid UTF-8")
            return
        }
    }
}
