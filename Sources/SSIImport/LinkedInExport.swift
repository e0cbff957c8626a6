import SSIProtocol

/// Reads a LinkedIn data export ("Get a copy of your data", Basic or Complete, any year) into
/// actions of the catalog. Pure: it takes file names and contents, so tests need no disk.
public enum LinkedInExport {
    /// Job titles that make a new connection a decision-maker (VP and above, owners, heads).
    static let decisionMakerWords = [
        "vp", "vice president", "chief", "ceo", "cto", "cfo", "coo", "cmo", "cio", "head of", "director", "founder",
        "co-founder", "owner", "partner", "president", "managing director", "general manager",
    ]

    /// Request ids come from what identifies a row in every era (names, dates, conversation), not
    /// from whole rows: later exports add columns.
    /// `files`: every file of the export folder, by name (any case) with its text.
    public static func plan(files: [(name: String, text: String)]) -> ImportPlan {
        var plan = ImportPlan()
        var occurrences: [String: Int] = [:]
        func add(_ request: LogRequest, file: String, row: Int, key: String) {
            let occurrence = occurrences[key, default: 0]
            occurrences[key] = occurrence + 1
            plan.actions.append(ImportedAction(request, source: "\(file):\(row)", key: key, occurrence: occurrence))
        }
        func named(_ base: String) -> [(name: String, text: String)] {
            files.filter { file in
                let name = file.name.lowercased()
                return name == base + ".csv" || (name.hasPrefix(base + "_") && name.hasSuffix(".csv"))
            }
        }
        let profile = named("profile").compactMap {
            ExportTable(file: $0.name, text: $0.text, required: ["First Name", "Last Name", "Headline"])
        }.first
        let positions = named("positions").compactMap {
            ExportTable(file: $0.name, text: $0.text, required: ["Company Name", "Title"])
        }.first
        let invitations = named("invitations").compactMap {
            ExportTable(file: $0.name, text: $0.text, required: ["From", "To", "Sent At", "Direction"])
        }.first
        plan.owner = owner(profile: profile, invitations: invitations)
        let currentCompany = positions?.rows.first { positions?.value($0.fields, "Finished On") == nil }
            .flatMap { positions?.value($0.fields, "Company Name")?.lowercased() }
        var used: Set<String> = []
        func count(_ table: ExportTable?, since before: Int) {
            guard let table else { return }
            used.insert(table.file.lowercased())
            plan.files.append((table.file, plan.actions.count - before))
        }

        // Profile sections: completed once, so no date.
        var before = plan.actions.count
        if let profile, let row = profile.rows.first {
            for (column, section) in [("Headline", "headline"), ("Summary", "summary")]
            where profile.value(row.fields, column) != nil {
                add(
                    LogRequest(action: "profile", section: section), file: profile.file, row: row.number,
                    key: "profile:\(section)")
            }
        }
        count(profile, since: before)
        before = plan.actions.count
        if let positions, !positions.rows.isEmpty {
            add(
                LogRequest(action: "profile", section: "experience"), file: positions.file,
                row: positions.rows[0].number,
                key: "profile:experience")
        }
        count(positions, since: before)

        for file in named("connections") {
            guard let table = ExportTable(file: file.name, text: file.text, required: ["First Name", "Connected On"])
            else { continue }
            before = plan.actions.count
            for row in table.rows {
                guard let date = table.value(row.fields, "Connected On"), let at = ExportDate.iso(date) else {
                    plan.skip("connection without a date")
                    continue
                }
                let name = [table.value(row.fields, "First Name"), table.value(row.fields, "Last Name")]
                    .compactMap { $0 }.joined(separator: " ")
                var tags: [String] = []
                if isDecisionMaker(table.value(row.fields, "Position") ?? "") {
                    tags.append("decision-maker")
                }
                if let company = table.value(row.fields, "Company")?.lowercased(), company == currentCompany {
                    tags.append("internal")
                }
                add(
                    LogRequest(action: "connection", note: name.isEmpty ? nil : name, at: at, tags: tags),
                    file: table.file, row: row.number, key: "connection:\(name)\u{1F}\(date)")
            }
            count(table, since: before)
        }

        if let invitations {
            before = plan.actions.count
            for row in invitations.rows {
                guard invitations.value(row.fields, "Direction")?.uppercased() == "OUTGOING" else {
                    plan.skip("incoming invitation")
                    continue
                }
                guard let sent = invitations.value(row.fields, "Sent At"), let at = ExportDate.iso(sent) else {
                    plan.skip("invitation without a date")
                    continue
                }
                let to = invitations.value(row.fields, "To").map { "to \($0)" }
                add(
                    LogRequest(action: "connect", note: to, at: at), file: invitations.file, row: row.number,
                    key: "connect:\(to ?? "")\u{1F}\(sent)")
            }
            count(invitations, since: before)
        }

        for file in named("endorsement_received_info") {
            guard
                let table = ExportTable(file: file.name, text: file.text, required: ["Endorsement Date", "Skill Name"])
            else { continue }
            before = plan.actions.count
            for row in table.rows {
                if let status = table.value(row.fields, "Endorsement Status"), status.uppercased() != "ACCEPTED" {
                    plan.skip("endorsement not accepted")
                    continue
                }
                guard let date = table.value(row.fields, "Endorsement Date"), let at = ExportDate.iso(date) else {
                    plan.skip("endorsement without a date")
                    continue
                }
                let endorser = [
                    table.value(row.fields, "Endorser First Name"), table.value(row.fields, "Endorser Last Name"),
                ]
                .compactMap { $0 }.joined(separator: " ")
                let skill = table.value(row.fields, "Skill Name") ?? ""
                add(
                    LogRequest(
                        action: "endorsement", note: endorser.isEmpty ? skill : "\(skill), by \(endorser)", at: at),
                    file: table.file, row: row.number, key: "endorsement:\(skill)\u{1F}\(endorser)\u{1F}\(date)")
            }
            count(table, since: before)
        }

        for file in named("comments") {
            guard let table = ExportTable(file: file.name, text: file.text, required: ["Date", "Message"]) else {
                continue
            }
            before = plan.actions.count
            for row in table.rows {
                guard let date = table.value(row.fields, "Date"), let at = ExportDate.iso(date) else {
                    plan.skip("comment without a date")
                    continue
                }
                let url = table.value(row.fields, "Link").flatMap { $0.utf8.count <= 2048 ? $0 : nil }
                add(
                    LogRequest(action: "comment", note: table.value(row.fields, "Message").map(clip), at: at, url: url),
                    file: table.file, row: row.number,
                    key:
                        "comment:\(date)\u{1F}\(table.value(row.fields, "Link") ?? "")\u{1F}\(table.value(row.fields, "Message") ?? "")"
                )
            }
            count(table, since: before)
        }

        for file in named("messages") {
            guard
                let table = ExportTable(
                    file: file.name, text: file.text, required: ["Conversation ID", "From", "Date"])
            else { continue }
            before = plan.actions.count
            let (found, skipped) = messages(table, owner: plan.owner)
            for (request, row, key) in found { add(request, file: table.file, row: row, key: key) }
            for reason in skipped { plan.skip(reason) }
            count(table, since: before)
        }
        plan.ignoredFiles = files.map(\.name).filter { !used.contains($0.lowercased()) }.sorted()
        return plan
    }

    /// Messages the owner sent, and replies: the first message from someone else in a conversation
    /// after one of the owner's. Drafts and spam are left out.
    static func messages(
        _ table: ExportTable, owner: String?
    ) -> (actions: [(request: LogRequest, row: Int, key: String)], skipped: [String]) {
        guard let owner = owner?.lowercased() else {
            return ([], table.rows.map { _ in "message with no known owner (no Profile.csv or Invitations.csv)" })
        }
        var actions: [(request: LogRequest, row: Int, key: String)] = []
        var skipped: [String] = []
        var dated: [(at: String, row: (number: Int, fields: [String]))] = []
        for row in table.rows {
            if table.value(row.fields, "Folder")?.uppercased() == "SPAM" {
                skipped.append("spam message")
                continue
            }
            if ["Is Message Draft", "Is Conversation Draft"].contains(where: {
                table.value(row.fields, $0)?.lowercased() == "yes"
            }) {
                skipped.append("draft message")
                continue
            }
            guard let date = table.value(row.fields, "Date"), let at = ExportDate.iso(date) else {
                skipped.append("message without a date")
                continue
            }
            dated.append((at, row))
        }
        var awaitingReply: Set<String> = []
        for (at, row) in dated.sorted(by: { $0.at < $1.at }) {
            let conversation = table.value(row.fields, "Conversation ID") ?? ""
            let from = table.value(row.fields, "From")?.lowercased()
            // The columns an era adds (recipient URLs, attachments) stay out of the key.
            let key = [conversation, table.value(row.fields, "From") ?? "", at].joined(separator: "\u{1F}")
            if from == owner {
                awaitingReply.insert(conversation)
                let to = table.value(row.fields, "To").map { "to \($0)" }
                actions.append(
                    (LogRequest(action: "message", note: to.map(clip), at: at), row.number, "message:\(key)"))
            } else if awaitingReply.remove(conversation) != nil {
                let from = table.value(row.fields, "From").map { "from \($0)" }
                actions.append((LogRequest(action: "reply", note: from.map(clip), at: at), row.number, "reply:\(key)"))
            } else {
                skipped.append("message received, not a reply")
            }
        }
        return (actions, skipped)
    }

    /// Profile.csv's name, else whoever sent the outgoing and received the incoming invitations.
    static func owner(profile: ExportTable?, invitations: ExportTable?) -> String? {
        if let profile, let row = profile.rows.first {
            let name = [profile.value(row.fields, "First Name"), profile.value(row.fields, "Last Name")]
                .compactMap { $0 }.joined(separator: " ")
            if !name.isEmpty { return name }
        }
        guard let invitations else { return nil }
        var votes: [String: Int] = [:]
        for row in invitations.rows {
            let outgoing = invitations.value(row.fields, "Direction")?.uppercased() == "OUTGOING"
            if let name = invitations.value(row.fields, outgoing ? "From" : "To") { votes[name, default: 0] += 1 }
        }
        return votes.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
    }

    /// Whole words only: "Director of Sales" is, "Directory Services Engineer" is not.
    static func isDecisionMaker(_ title: String) -> Bool {
        let words = title.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" })
        let padded = " " + words.joined(separator: " ") + " "
        return decisionMakerWords.contains { padded.contains(" \($0) ") }
    }

    /// Notes stay within the daemon's 4 KiB limit.
    static func clip(_ text: String) -> String {
        guard text.utf8.count > 1_000 else { return text }
        var clipped = ""
        for character in text {
            guard clipped.utf8.count + character.utf8.count <= 997 else { break }
            clipped.append(character)
        }
        return clipped + "..."
    }
}
