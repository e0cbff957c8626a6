import SSIJSON
import SSIProtocol
import Testing

@testable import SSIDomain

/// Every operation of the contract round-trips: its request through the wire encoding, and its
/// typed result through JSON text and back. The switch has no default: a new operation does not
/// compile until it has a sample here.
@Suite struct ContractTests {
    static let score = Score(pillarHundredths: [.brand: 1234, .find: 501, .engage: 2500, .relationships: 7])
    static let snapshot = SnapshotLine(
        id: "5e01", occurred: "2026-11-30T09:00:00Z",
        values: try! SnapshotValues(
            total: 53, pillarThousandths: [.brand: 13_040, .find: 10_500, .engage: 8_790, .relationships: 20_998],
            industryRank: 3, networkRank: 12))

    /// A request and a result for an operation, as the daemon would build them.
    static func samples(_ name: OperationName) -> [(Request.Operation, Reply)] {
        switch name {
        case .log:
            return [
                (
                    .log(LogRequest(action: "comment", note: "on Ana's post", at: "yesterday 17:00", tags: ["x"])),
                    .log(
                        LogResult(
                            id: "00ab", seq: 12, action: "comment", occurred: "2026-11-29T17:00:00Z", score: score,
                            pillar: .engage, deltaHundredths: 85, totalDeltaHundredths: -3, repeated: false))
                )
            ]
        case .undo:
            return [
                (
                    .undo(target: nil),
                    .undo(
                        UndoResult(
                            id: "u1", seq: 13, undone: "00ab", action: "comment", occurred: "2026-11-29T17:00:00Z",
                            score: score))
                )
            ]
        case .score:
            let explanation = ScoreExplanation(
                at: 0, score: score,
                pillars: Pillar.allCases.map { pillar in
                    PillarBreakdown(
                        pillar: pillar, raw: 12.345, score: score.value(pillar),
                        components: [
                            ScoreComponent(
                                name: "comment", kind: .activity, raw: 3.5, points: 1.25, detail: "4 in 90 days")
                        ])
                }, topActions: [(action: "comment", points: 3.5)],
                nextBestActions: [NextBestAction(action: "post", pillar: .brand, gainHundredths: 91, gain: 0.9134567)])
            return [
                (.score(explain: false), .score(ScoreResult(score: score, snapshot: nil))),
                (.score(explain: false), .score(ScoreResult(score: score, snapshot: Self.snapshot))),
                (.score(explain: true), .explanation(ExplanationResult(explanation))),
            ]
        case .status:
            return [
                (
                    .status,
                    .status(
                        StatusResult(
                            pid: 42, uptimeSeconds: 9, events: 3, countedEvents: 2, journalPath: "/j",
                            journalBytes: 900,
                            socket: "/s", stateDirectory: "/d", config: "built-in defaults",
                            lastEvent: .init(id: "00ab", action: "comment", occurred: "2026-11-29T17:00:00Z"),
                            score: score))
                )
            ]
        case .history:
            return [
                (
                    .history(days: 2),
                    .history(
                        HistoryResult(days: [
                            .init(date: "2026-11-29", score: score),
                            .init(date: "2026-11-30", score: score, snapshot: Self.snapshot),
                        ]))
                )
            ]
        case .actions:
            return [
                (
                    .actions,
                    .actions(
                        ActionsResult(actions: [
                            .init(
                                name: "comment", pillar: .engage, pointsHundredths: 150, dailyCap: 10, tally: nil,
                                summary: "a"),
                            .init(
                                name: "profile", pillar: .brand, pointsHundredths: 0, dailyCap: 0, tally: "s",
                                summary: ""),
                        ]))
                )
            ]
        case .today:
            return [
                (
                    .today,
                    .today(
                        TodayResult(
                            date: "2026-11-30", perPillar: [.brand: 1, .find: 0, .engage: 3, .relationships: 0],
                            goals: [.init(action: "comment", pillar: .engage, done: 3, target: 5)], activeDays: 4,
                            windowDays: 28, streak: 2))
                )
            ]
        case .reload: return [(.reload, .reload(ReloadResult(config: "/home/a/.config/ssi-log/config.toml")))]
        case .snapshot:
            return [
                (
                    .snapshot(
                        SnapshotRequest(
                            total: 53, pillarThousandths: Self.snapshot.values.pillarThousandths, industryRank: 3,
                            at: "-2h")),
                    .snapshot(SnapshotResult(seq: 7, snapshot: Self.snapshot, local: score))
                )
            ]
        case .week:
            let text =
                #"{"week":"2026-W48","message":"Week 2026-W48: SSI 40.06 (+1.00)","start":{"total":39.06,"pillars":"#
                + #"{"brand":12.34,"find":5.01,"engage":21.64,"relationships":0.07}},"end":"#
                + Self.score.json.serialized() + #","delta":3.36,"pillar":"engage","pillar_delta":-3.36,"#
                + #""reason":"fewer comment actions than the week before (1 against 4)","actions":5,"active_days":3,"#
                + #""next_action":"post"}"#
            let result = try! WeekResult(json: try! JSONParser.parse(Array(text.utf8)))
            return [(.week("2026-W48"), .week(result)), (.week(nil), .week(result))]
        case .calibrate:
            let text =
                #"{"refusal":null,"pillars":[{"pillar":"engage","scale_before":25.0000,"scale_after":31.0004,"#
                + #""points_multiplier":1.3000,"error_before":0.1936,"error_after":0.0003,"refusal":null},"#
                + #"{"pillar":"brand","scale_before":25.0000,"scale_after":25.0000,"points_multiplier":1.0000,"#
                + #""error_before":4.7789,"error_after":4.7789,"refusal":"too little activity"}],"#
                + #""keys":[{"key":"pillars.engage.scale","value":31.0004},{"key":"actions.comment.points","value":1.3000}],"#
                + #""calibration_file":"/home/a/.config/ssi-log/calibration.toml"}"#
            return [(.calibrate, .calibrate(try! CalibrationResult(json: try! JSONParser.parse(Array(text.utf8)))))]
        case .pause:
            return [
                (.pause(until: "+2w"), .pause(PauseResult(id: "p1", seq: 4, pausedUntil: "2026-12-14T12:00:00Z"))),
                (.pause(until: nil), .pause(PauseResult(id: "p2", seq: 5, pausedUntil: nil))),
            ]
        }
    }

    @Test(arguments: OperationName.allCases)
    func everyOperationRoundTrips(name: OperationName) throws {
        for (operation, reply) in Self.samples(name) {
            #expect(operation.name == name)
            let request = Request(id: "r", operation: operation)
            #expect(try Request.decode(Array(request.encoded().utf8)).get() == request)
            let text = reply.json.serialized()
            let decoded = try Reply.decode(try JSONParser.parse(Array(text.utf8)), answering: operation)
            #expect(decoded == reply, "\(text)")
            #expect(decoded.json.serialized() == text)
        }
    }

    /// A result missing a field is an unreadable response, never a silent default.
    @Test func aResultWithoutAFieldIsRefusedNamingIt() throws {
        let text =
            #"{"id":"a","seq":1,"action":"comment","occurred":"x","pillar":"engage","delta":0.5,"#
            + #""total_delta":0.5,"repeated":false}"#
        #expect {
            try LogResult(json: try JSONParser.parse(Array(text.utf8)))
        } throws: { error in
            (error as? ProtocolError)?.message.contains("\"score\"") == true
        }
    }
}
