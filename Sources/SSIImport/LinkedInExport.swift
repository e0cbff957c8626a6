import SSIProtocol

/// Reads a LinkedIn data export ("Get a copy of your data", Basic or Complete, any year) into
/// actions of the catalog. Pure: it takes file names and contents, so tests need no disk.
/// Request ids come from what identifies a row in every era (names, dates, conversation), not
/// from whole rows: later exports add columns.
public enum LinkedInExport {
    /// Job titles that make a new connection a decision-maker (VP and above, owners, heads).
    static let decisionMakerWords = [
        "vp", "vice president", "chief", "ceo", "cto", "cfo", "coo", "cmo", "cio", "head of", "director", "founder",
        "co-founder", "owner", "partner", "president", "managing director", "general manager",
    ]

    /// `files`: every file of the export folder, by name (any case) with its text.
    public static func plan(files: [(name: String, text: String)]) -> ImportPlan {
        var builder = ImportPlanBuilder(files: files)
        let profile = builder.tables("profile", required: ["First Name", "Last Name", "Headline"]).first
        let positions = builder.tables("positions", required: ["Company Name", "Title"]).first
        let invitations = builder.tables("invitations", required: ["From", "To", "Sent At", "Direction"]).first
        let owner = owner(profile: profile, invitations: invitations)
        builder.setOwner(owner)
        let currentCompany = positions.flatMap { table in
            table.rows.first { table.value($0.fields, "Finished On") == nil }
                .flatMap { table.value($0.fields, "Company Name")?.lowercased() }
        }

        // Profile sections are completed once, so they carry no date.
        if let profile {
            builder.read(profile) { table in
                guard let row = table.rows.first else { return [] }
                return [("Headline", "headline"), ("Summary", "summary")].compactMap { column, section in
                    table.value(row.fields, column).map { _ in
                        (
                            row.number,
                            .action(LogRequest(action: "profile", section: section), key: "profile:\(section)")
                        )
                    }
                }
            }
        }
        if let positions {
            builder.read(positions) { table in
                table.rows.prefix(1).map {
                    (
                        $0.number,
                        .action(LogRequest(action: "profile", section: "experience"), key: "profile:experience")
                    )
                }
            }
        }
        for table in builder.tables("connections", required: ["First Name", "Connected On"]) {
            builder.read(table) { connection($0, $1, currentCompany: currentCompany) }
        }
        if let invitations { builder.read(invitations, row: invitation) }
        for table in builder.tables("endorsement_received_info", required: ["Endorsement Date", "Skill Name"]) {
            builder.read(table, row: endorsement)
        }
        for table in builder.tables("comments", required: ["Date", "Message"]) { builder.read(table, row: comment) }
        for table in builder.tables("messages", required: ["Conversation ID", "From", "Date"]) {
            builder.read(table) { messages($0, owner: owner) }
        }
        return builder.finish()
    }

    static func connection(_ table: ExportTable, _ fields: [String], currentCompany: String?) -> RowOutcome {
        guard let date = table.value(fields, "Connected On"), let at = ExportDate.iso(date) else {
            return .skipped("connection without a date")
        }
        let name = [table.value(fields, "First Name"), table.value(fields, "Last Name")].compactMap { $0 }
            .joined(separator: " ")
        var tags: [String] = []
        if isDecisionMaker(table.value(fields, "Position") ?? "") { tags.append("decision-maker") }
        if let company = table.value(fields, "Company")?.lowercased(), company == currentCompany {
            tags.append("internal")
        }
        return .action(
            LogRequest(action: "connection", note: name.isEmpty ? nil : name, at: at, tags: tags),
            key: "connection:\(name)\u{1F}\(date)")
    }

    static func invitation(_ table: ExportTable, _ fields: [String]) -> RowOutcome {
        guard table.value(fields, "Direction")?.uppercased() == "OUTGOING" else {
            return .skipped("incoming invitation")
        }
        guard let sent = table.value(fields, "Sent At"), let at = ExportDate.iso(sent) else {
            return .skipped("invitation without a date")
        }
        let to = table.value(fields, "To").map { "to \($0)" }
        return .action(LogRequest(action: "connect", note: to, at: at), key: "connect:\(to ?? "")\u{1F}\(sent)")
    }

    static func endorsement(_ table: ExportTable, _ fields: [String]) -> RowOutcome {
        if let status = table.value(fields, "Endorsement Status"), status.uppercased() != "ACCEPTED" {
            return .skipped("endorsement not accepted")
        }
        guard let date = table.value(fields, "Endorsement Date"), let at = ExportDate.iso(date) else {
            return .skipped("endorsement without a date")
        }
        let endorser = [table.value(fields, "Endorser First Name"), table.value(fields, "Endorser Last Name")]
            .compactMap { $0 }.joined(separator: " ")
        let skill = table.value(fields, "Skill Name") ?? ""
        return .action(
            LogRequest(action: "endorsement", note: endorser.isEmpty ? skill : "\(skill), by \(endorser)", at: at),
            key: "endorsement:\(skill)\u{1F}\(endorser)\u{1F}\(date)")
    }

    static func comment(_ table: ExportTable, _ fields: [String]) -> RowOutcome {
        guard let date = table.value(fields, "Date"), let at = ExportDate.iso(date) else {
            return .skipped("comment without a date")
        }
        let link = table.value(fields, "Link")
        let message = table.value(fields, "Message")
        return .action(
            LogRequest(
                action: "comment", note: message.map(clip), at: at,
                url: link.flatMap { $0.utf8.count <= 2048 ? $0 : nil }
            ), key: "comment:\(date)\u{1F}\(link ?? "")\u{1F}\(message ?? "")")
    }

    /// Messages the owner sent, and replies: the first message from someone else in a conversation
    /// after one of the owner's. Drafts and spam are left out.
    static func messages(_ table: ExportTable, owner: String?) -> [(number: Int, outcome: RowOutcome)] {
        guard let owner = owner?.lowercased() else {
            return table.rows.map {
                ($0.number, .skipped("message with no known owner (no Profile.csv or Invitations.csv)"))
            }
        }
        var outcomes: [(number: Int, outcome: RowOutcome)] = []
        var dated: [(at: String, number: Int, fields: [String])] = []
        for row in table.rows {
            if table.value(row.fields, "Folder")?.uppercased() == "SPAM" {
                outcomes.append((row.number, .skipped("spam message")))
            } else if ["Is Message Draft", "Is Conversation Draft"].contains(where: {
                table.value(row.fields, $0)?.lowercased() == "yes"
            }) {
                outcomes.append((row.number, .skipped("draft message")))
            } else if let date = table.value(row.fields, "Date"), let at = ExportDate.iso(date) {
                dated.append((at, row.number, row.fields))
            } else {
                outcomes.append((row.number, .skipped("message without a date")))
            }
        }
        var awaitingReply: Set<String> = []
        for (at, number, fields) in dated.sorted(by: { $0.at < $1.at }) {
            let conversation = table.value(fields, "Conversation ID") ?? ""
            let from = table.value(fields, "From")
            // The columns an era adds (recipient URLs, attachments) stay out of the key.
            let key = [conversation, from ?? "", at].joined(separator: "\u{1F}")
            if from?.lowercased() == owner {
                awaitingReply.insert(conversation)
                let note = table.value(fields, "To").map { clip("to \($0)") }
                outcomes.append(
                    (number, .action(LogRequest(action: "message", note: note, at: at), key: "message:\(key)")))
            } else if awaitingReply.remove(conversation) != nil {
                let note = from.map { clip("from \($0)") }
                outcomes.append((number, .action(LogRequest(action: "reply", note: note, at: at), key: "reply:\(key)")))
            } else {
                outcomes.append((number, .skipped("message received, not a reply")))
            }
        }
        return outcomes
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

    /// Notes stay well within the daemon's 4 KiB limit.
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
