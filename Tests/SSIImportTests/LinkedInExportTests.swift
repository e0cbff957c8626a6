import SSIProtocol
import Testing

@testable import SSIImport

/// Every export era of the fixtures read into actions: files found by name in any case and
/// numbering, columns by header, a `Notes:` preamble skipped, four date formats, quoted fields with
/// commas and line breaks, drafts and spam left out.
@Suite struct LinkedInExportTests {
    func plan(_ folder: String) throws -> ImportPlan { LinkedInExport.plan(files: try ExportFixtures.files(folder)) }

    @Test(arguments: [
        (
            "Basic_LinkedInDataExport_05-14-2021", "Nora Halvorsen",
            ["connect": 1, "accepted": 1, "connection": 2, "inbound-view": 1, "message": 1]
        ),
        (
            "Complete_LinkedInDataExport_09-18-2022", "Nora Halvorsen",
            ["connect": 1, "accepted": 1, "connection": 4, "endorsement": 1, "message": 1, "profile": 1]
        ),
        (
            "Basic_LinkedInDataExport_10-21-2023", "Elias Brandvold",
            [
                "connect": 1, "accepted": 1, "connection": 3, "inbound-view": 1, "endorsement": 1, "message": 2,
                "reply": 1,
            ]
        ),
        (
            "Basic_LinkedInDataExport_08-15-2025", "Elias Brandvold",
            ["connect": 1, "accepted": 1, "connection": 1, "message": 1]
        ),
        (
            "Complete_LinkedInDataExport_03-09-2026", "Elias Brandvold",
            ["comment": 1, "connection": 4, "inbound-view": 1, "message": 1]
        ),
        (
            "Complete_LinkedInDataExport_10-02-2026", "Elias Brandvold",
            [
                "connect": 1, "accepted": 1, "connection": 2, "inbound-view": 1, "endorsement": 2, "message": 2,
                "profile": 3, "reply": 2, "post": 2, "like": 4, "search": 2,
            ]
        ),
    ])
    func everyEraReadsIntoCatalogActions(folder: String, owner: String, counts: [String: Int]) throws {
        let plan = try plan(folder)
        #expect(plan.owner == owner)
        #expect(plan.counts == counts)
        // Every action has a valid time (or none, for profile sections) and a unique request id.
        for action in plan.actions {
            #expect(action.request.at != nil || action.request.action == "profile", "\(action.source)")
        }
        #expect(Set(plan.actions.map(\.requestID)).count == plan.actions.count)
    }

    @Test func datesOfEveryFormatBecomeISO() throws {
        let plan = try plan("Basic_LinkedInDataExport_10-21-2023")
        let at = Dictionary(plan.actions.map { ($0.source, $0.request.at ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(at["Connections.csv:4"] == "2023-02-08T12:00:00")  // 08 Feb 2023: a day, local noon
        #expect(at["Invitations.csv:2"] == "2023-02-07T14:37:00")  // "2/7/23, 2:37 PM", local
        #expect(at["Endorsement_Received_Info.csv:2"] == "2023-06-20T13:05:02Z")  // 2023/06/20 13:05:02 UTC
        #expect(at["messages.csv:3"] == "2023-06-01T15:10:00Z")  // 2023-06-01 15:10:00 UTC
    }

    /// The export's dates follow the domain's one date rule: February 31 is no date in any format.
    @Test func impossibleExportDatesAreRefused() {
        #expect(ExportDate.iso("31 Feb 2023") == nil)
        #expect(ExportDate.iso("2/30/24, 9:00 AM") == nil)
        #expect(ExportDate.iso("2023/02/29 10:00:00 UTC") == nil)
        #expect(ExportDate.iso("2024/02/29 10:00:00 UTC") == "2024-02-29T10:00:00Z")
    }

    @Test func draftsSpamAndIncomingInvitationsAreLeftOutAndCounted() throws {
        #expect(try plan("Basic_LinkedInDataExport_08-15-2025").skipped["draft message"] == 1)
        #expect(try plan("Complete_LinkedInDataExport_10-02-2026").skipped["recommendation not visible"] == 1)
        #expect(try plan("Basic_LinkedInDataExport_10-21-2023").skipped["spam message"] == 1)
        #expect(try plan("Complete_LinkedInDataExport_03-09-2026").ignoredFiles.contains("LearningCoachMessages.csv"))
    }

    @Test func connectionsAreTaggedFromTitleAndCompany() throws {
        let plan = try plan("Complete_LinkedInDataExport_10-02-2026")
        let tags = Dictionary(
            plan.actions.map { ($0.request.note ?? "", $0.request.tags) }, uniquingKeysWith: { a, _ in a })
        #expect(tags["Adaeze Nwosu-Berglund"] == ["decision-maker"])
        #expect(tags["Joaquín Ibarra"] == ["internal"])  // at Bluefin, the owner's current company
        #expect(LinkedInExport.isDecisionMaker("Director of Sales"))
        #expect(!LinkedInExport.isDecisionMaker("Directory Services Engineer"))
    }

    /// The same row gets the same request id in every export that holds it, so a newer export
    /// imported after an older one logs only what is new.
    @Test func rowsKeepTheirRequestIdAcrossExports() throws {
        let older = try plan("Basic_LinkedInDataExport_08-15-2025")
        let newer = try plan("Complete_LinkedInDataExport_03-09-2026")
        let network: Set<String> = ["connection", "accepted"]
        let olderIDs = Set(older.actions.filter { network.contains($0.request.action) }.map(\.requestID))
        let newerIDs = Set(newer.actions.filter { network.contains($0.request.action) }.map(\.requestID))
        #expect(olderIDs.count == 2)
        #expect(olderIDs.isSubset(of: newerIDs))
    }

    /// The owner's invitations turn the matching connections into accepted requests: by profile URL
    /// when both files have one (case and trailing slash aside), else by name.
    @Test func connectionsAnsweringAnInvitationAreAccepted() throws {
        let byURL = try plan("Complete_LinkedInDataExport_10-02-2026").actions.filter {
            $0.request.action == "accepted"
        }
        #expect(byURL.map(\.request.note) == ["Adaeze Nwosu-Berglund"])
        let byName = try plan("Basic_LinkedInDataExport_05-14-2021").actions.filter { $0.request.action == "accepted" }
        #expect(byName.map(\.request.note) == ["Asha Kulkarni"])
        #expect(byName.first?.request.at == "2021-03-12T12:00:00")
    }

    /// Posts, every reaction type, searches, skills and recommendations, each in its file's format.
    @Test func postsReactionsSearchesAndSkillsAreRead() throws {
        let actions = try plan("Complete_LinkedInDataExport_10-02-2026").actions
        let posts = actions.filter { $0.request.action == "post" }
        #expect(posts.first?.request.note?.contains("\n2. Let silence work") == true)
        #expect(posts.first?.request.at == "2026-09-14T08:12:40")
        #expect(posts.last?.request.note == "shared https://example.org/fictional-report-2026")
        let likes = actions.filter { $0.request.action == "like" }
        #expect(likes.map(\.request.note) == ["like", "praise", "interest", "empathy"])
        #expect(likes.allSatisfy { $0.request.url?.hasPrefix("https://www.linkedin.com/feed/") == true })
        let searches = actions.filter { $0.request.action == "search" }
        #expect(searches.map(\.request.at) == ["2026-09-10T11:02:33Z", "2026-09-10T11:04:01Z"])
        #expect(searches.last?.request.note == "head of sales, logistics")
        #expect(actions.contains { $0.request.action == "profile" && $0.request.section == "skills" })
        let recommendation = actions.first { $0.request.tags == ["recommendation"] }
        #expect(recommendation?.request.at == "2026-06-11T14:14:00")
        let inbound = try plan("Basic_LinkedInDataExport_10-21-2023").actions.filter {
            $0.request.action == "inbound-view"
        }
        #expect(inbound.map(\.request.note) == ["invitation from Efua Asante"])
    }

    @Test func quotedFieldsHoldCommasQuotesAndLineBreaks() {
        let rows = CSVReader.rows("A,B\r\n\"x, y\",\"say \"\"hi\"\"\nthere\r\nok\"\nlast,\"\"")
        #expect(rows == [["A", "B"], ["x, y", "say \"hi\"\nthere\r\nok"], ["last", ""]])
    }

    @Test func aFolderWithoutExportFilesGivesNothing() {
        let plan = LinkedInExport.plan(files: [("notes.csv", "x,y\n1,2\n"), ("readme.txt", "hello")])
        #expect(plan.actions.isEmpty)
        #expect(plan.files.isEmpty)
    }
}
