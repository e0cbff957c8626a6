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
        // A connection that answers one of the owner's invitations is an accepted request: logged
        // as `accepted` instead of `connection` (both feed the network tally, so logging both
        // would count the person twice), with the same request id, so an older export that lacked
        // the invitation never adds the person again.
        let invited = invitations.map(invitees) ?? Invitees()
        for table in builder.tables("connections", required: ["First Name", "Connected On"]) {
            builder.read(table) { connection($0, $1, currentCompany: currentCompany, invited: invited) }
        }
        if let invitations { builder.read(invitations, row: invitation) }
        for table in builder.tables("endorsement_received_info", required: ["Endorsement Date", "Skill Name"]) {
            builder.read(table, row: endorsement)
        }
        for table in builder.tables("recommendations_received", required: ["Creation Date", "Status"]) {
            builder.read(table, row: recommendation)
        }
        for table in builder.tables("comments", required: ["Date", "Message"]) { builder.read(table, row: comment) }
        for table in builder.tables("shares", required: ["Date", "ShareLink"]) { builder.read(table, row: share) }
        for table in builder.tables("reactions", required: ["Date", "Type"]) { builder.read(table, row: reaction) }
        for table in builder.tables("searchqueries", required: ["Time", "Search Query"]) {
            builder.read(table, row: search)
        }
        for table in builder.tables("skills", required: ["Name"]) {
            builder.read(table) { table in
                table.rows.prefix(1).map {
                    ($0.number, .action(LogRequest(action: "profile", section: "skills"), key: "profile:skills"))
                }
            }
        }
        for table in builder.tables("messages", required: ["Conversation ID", "From", "Date"]) {
            builder.read(table) { messages($0, owner: owner) }
        }
        return builder.finish()
    }

    /// Who the owner invited: profile URLs (normalized) and names (lowercased).
    struct Invitees {
        var urls: Set<String> = []
        var names: Set<String> = []

        func contains(url: String?, name: String) -> Bool {
            if let url, urls.contains(LinkedInExport.normalizedProfile(url)) { return true }
            return !name.isEmpty && names.contains(name.lowercased())
        }
    }

    static func invitees(_ table: ExportTable) -> Invitees {
        var invited = Invitees()
        for row in table.rows where table.value(row.fields, "Direction")?.uppercased() == "OUTGOING" {
            if let url = table.value(row.fields, "inviteeProfileUrl") { invited.urls.insert(normalizedProfile(url)) }
            if let name = table.value(row.fields, "To") { invited.names.insert(name.lowercased()) }
        }
        return invited
    }

    /// `linkedin.com/in/name` from `https://www.linkedin.com/in/Name/`: case, scheme and slashes vary.
    static func normalizedProfile(_ url: String) -> String {
        var text = Substring(url.lowercased())
        for prefix in ["https://", "http://", "www."] where text.hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
        }
        while text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }

    static func connection(_ table: ExportTable, _ fields: [String], currentCompany: String?, invited: Invitees)
        -> RowOutcome
    {
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
        let action = invited.contains(url: table.value(fields, "URL"), name: name) ? "accepted" : "connection"
        return .action(
            LogRequest(
                action: action, note: name.isEmpty ? nil : name, at: at, tags: tags,
                typedWithin: ImportPlanBuilder.typedDayWindow),
            key: "connection:\(name)\u{1F}\(date)")
    }

    /// Sent invitations are `connect`; received ones mean someone found the owner and reached out,
    /// which the catalog counts as `inbound-view` (find).
    static func invitation(_ table: ExportTable, _ fields: [String]) -> RowOutcome {
        let outgoing = table.value(fields, "Direction")?.uppercased() == "OUTGOING"
        guard let sent = table.value(fields, "Sent At"), let at = ExportDate.iso(sent) else {
            return .skipped("invitation without a date")
        }
        if !outgoing {
            let from = table.value(fields, "From").map { "invitation from \($0)" }
            return .action(
                LogRequest(action: "inbound-view", note: from, at: at, tags: ["invitation"]),
                key: "inbound:\(from ?? "")\u{1F}\(sent)")
        }
        let to = table.value(fields, "To").map { "to \($0)" }
        return .action(LogRequest(action: "connect", note: to, at: at), key: "connect:\(to ?? "")\u{1F}\(sent)")
    }

    /// A published recommendation is a strong endorsement; hidden ones are left out.
    static func recommendation(_ table: ExportTable, _ fields: [String]) -> RowOutcome {
        guard table.value(fields, "Status")?.uppercased() == "VISIBLE" else {
            return .skipped("recommendation not visible")
        }
        guard let date = table.value(fields, "Creation Date"), let at = ExportDate.iso(date) else {
            return .skipped("recommendation without a date")
        }
        let by = [table.value(fields, "First Name"), table.value(fields, "Last Name")].compactMap { $0 }
            .joined(separator: " ")
        return .action(
            LogRequest(action: "endorsement", note: "recommendation by \(by)", at: at, tags: ["recommendation"]),
            key: "recommendation:\(by)\u{1F}\(date)")
    }

    static func share(_ table: ExportTable, _ fields: [String]) -> RowOutcome {
        guard let date = table.value(fields, "Date"), let at = ExportDate.iso(date) else {
            return .skipped("post without a date")
        }
        let link = table.value(fields, "ShareLink")
        let text = table.value(fields, "ShareCommentary") ?? table.value(fields, "SharedUrl").map { "shared \($0)" }
        return .action(
            LogRequest(action: "post", note: text.map(clip), at: at, url: link.flatMap(boundedURL)),
            key: "post:\(date)\u{1F}\(link ?? "")")
    }

    /// Every reaction type (like, praise, empathy, interest, …) is a `like`, the type in the note.
    static func reaction(_ table: ExportTable, _ fields: [String]) -> RowOutcome {
        guard let date = table.value(fields, "Date"), let at = ExportDate.iso(date) else {
            return .skipped("reaction without a date")
        }
        let link = table.value(fields, "Link")
        let type = table.value(fields, "Type")?.lowercased()
        return .action(
            LogRequest(action: "like", note: type, at: at, url: link.flatMap(boundedURL)),
            key: "like:\(date)\u{1F}\(link ?? "")")
    }

    static func search(_ table: ExportTable, _ fields: [String]) -> RowOutcome {
        guard let time = table.value(fields, "Time"), let at = ExportDate.iso(time) else {
            return .skipped("search without a date")
        }
        let query = table.value(fields, "Search Query")
        return .action(
            LogRequest(action: "search", note: query.map(clip), at: at), key: "search:\(time)\u{1F}\(query ?? "")")
    }

    static func boundedURL(_ url: String) -> String? { url.utf8.count <= 2048 ? url : nil }

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
