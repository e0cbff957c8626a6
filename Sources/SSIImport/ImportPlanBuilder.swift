/// Builds an import plan file by file: finds each kind of file by name, reads its rows, numbers
/// identical rows apart, and counts actions per file and rows left out per reason.
struct ImportPlanBuilder {
    private(set) var plan = ImportPlan()
    private let files: [(name: String, text: String)]
    private var occurrences: [String: Int] = [:]
    private var used: Set<String> = []

    /// An imported action within two hours of the same action typed by hand is that action seen
    /// twice; rows that carry only a day (connections) use the whole day around their noon.
    static let typedWindow = 2 * 3600
    static let typedDayWindow = 12 * 3600

    init(files: [(name: String, text: String)]) { self.files = files }

    /// Files named `base.csv` or `base_N.csv` in any case that hold every `required` column.
    func tables(_ base: String, required: [String]) -> [ExportTable] {
        files.compactMap { file in
            let name = file.name.lowercased()
            guard name == base + ".csv" || (name.hasPrefix(base + "_") && name.hasSuffix(".csv")) else { return nil }
            return ExportTable(file: file.name, text: file.text, required: required)
        }
    }

    /// Reads each row of `table` on its own.
    mutating func read(_ table: ExportTable, row: (ExportTable, [String]) -> RowOutcome) {
        read(table) { table in table.rows.map { ($0.number, row(table, $0.fields)) } }
    }

    /// Reads a table whose rows depend on each other (messages): `rows` gives every row's outcome.
    mutating func read(_ table: ExportTable, rows: (ExportTable) -> [(number: Int, outcome: RowOutcome)]) {
        let before = plan.actions.count
        for (number, outcome) in rows(table) {
            switch outcome {
            case .skipped(let reason): plan.skip(reason)
            case .action(var request, let key):
                let occurrence = occurrences[key, default: 0]
                occurrences[key] = occurrence + 1
                let source = "\(table.file):\(number)"
                request.source = source
                if request.at != nil, request.typedWithin == nil { request.typedWithin = Self.typedWindow }
                plan.actions.append(ImportedAction(request, source: source, key: key, occurrence: occurrence))
            }
        }
        used.insert(table.file.lowercased())
        plan.files.append((table.file, plan.actions.count - before))
    }

    mutating func setOwner(_ owner: String?) { plan.owner = owner }

    /// The plan, with the files nothing was read from.
    mutating func finish() -> ImportPlan {
        plan.ignoredFiles = files.map(\.name).filter { !used.contains($0.lowercased()) }.sorted()
        return plan
    }
}
