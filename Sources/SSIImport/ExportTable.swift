import SSISystem

/// One CSV file of an export, its columns found by header name: columns were added over the years
/// and a `Notes:` preamble may come first.
struct ExportTable {
    let file: String
    private let columns: [String: Int]
    /// Data rows with their 1-based row number in the file's records, for messages.
    let rows: [(number: Int, fields: [String])]

    /// Nil when no row holds every `required` column: not this kind of file.
    init?(file: String, text: String, required: [String]) {
        let records = CSVReader.rows(text)
        let wanted = Set(required.map { $0.lowercased() })
        guard
            let headerIndex = records.firstIndex(where: { row in
                wanted.isSubset(of: Set(row.map { $0.trimmingWhitespace.lowercased() }))
            })
        else { return nil }
        var columns: [String: Int] = [:]
        for (index, name) in records[headerIndex].enumerated()
        where columns[name.trimmingWhitespace.lowercased()] == nil {
            columns[name.trimmingWhitespace.lowercased()] = index
        }
        self.file = file
        self.columns = columns
        self.rows = records[(headerIndex + 1)...].enumerated().map { ($0.offset + headerIndex + 2, $0.element) }
    }

    /// The trimmed value of a column in a row; nil when the column is missing or the value empty.
    func value(_ fields: [String], _ column: String) -> String? {
        guard let index = columns[column.lowercased()], index < fields.count else { return nil }
        let value = fields[index].trimmingWhitespace
        return value.isEmpty ? nil : value
    }
}
