import Foundation
import SSIConfig
import SSISystem
import Testing

@testable import SSIDomain

/// The domain's own reading of the system's TZif files agrees with Foundation's `TimeZone` (which
/// the client does not link) at every hour around DST changes, in both hemispheres, past and future.
@Suite struct ZoneRulesTests {
    @Test(arguments: [
        "Europe/Lisbon", "Europe/Berlin", "America/New_York", "America/Sao_Paulo", "Australia/Sydney",
        "Asia/Kolkata", "Pacific/Chatham", "Africa/Casablanca", "America/St_Johns", "UTC",
    ])
    func offsetsMatchFoundationEveryHourForDecades(name: String) throws {
        let zone = try #require(ZoneLoader.named(name), "no TZif file for \(name)")
        let reference = try #require(TimeZone(identifier: name))
        var mismatches: [String] = []
        // Every 6 hours from 1975 to 2045, and every 15 minutes around this year's changes.
        var instants = Array(stride(from: Int64(157_766_400), to: 2_366_841_600, by: 6 * 3600))
        instants += Array(stride(from: Int64(1_767_225_600), to: 1_798_761_600, by: 900))
        for instant in instants {
            let expected = Int64(reference.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))))
            let actual = zone.offset(at: instant)
            if actual != expected, mismatches.count < 5 {
                mismatches.append("\(CivilTime.formatUTC(instant)): \(actual) vs \(expected)")
            }
        }
        #expect(mismatches.isEmpty, "\(name): \(mismatches)")
    }

    @Test func posixRulesWithoutAFile() throws {
        let lisbon = try ZoneRules(posix: "WET0WEST,M3.5.0/1,M10.5.0")
        #expect(lisbon.offset(at: CivilTime.parseUTC("2026-07-01T12:00:00Z")!) == 3600)
        #expect(lisbon.offset(at: CivilTime.parseUTC("2026-01-01T12:00:00Z")!) == 0)
        // 2026-03-29 01:00 UTC is the change.
        #expect(lisbon.offset(at: CivilTime.parseUTC("2026-03-29T00:59:59Z")!) == 0)
        #expect(lisbon.offset(at: CivilTime.parseUTC("2026-03-29T01:00:00Z")!) == 3600)
        let sydney = try ZoneRules(posix: "AEST-10AEDT,M10.1.0,M4.1.0/3")
        #expect(sydney.offset(at: CivilTime.parseUTC("2026-01-15T00:00:00Z")!) == 11 * 3600)
        #expect(sydney.offset(at: CivilTime.parseUTC("2026-07-15T00:00:00Z")!) == 10 * 3600)
        #expect(try ZoneRules(posix: "<+0530>-5:30").offset(at: 0) == 19_800)
        #expect(throws: ZoneRules.Invalid.self) { try ZoneRules(posix: "nonsense") }
        #expect(throws: ZoneRules.Invalid.self) { try ZoneRules(tzif: Array("TZif2 truncated".utf8), name: "x") }
    }
}
