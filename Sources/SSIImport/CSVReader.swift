/// RFC 4180 as LinkedIn writes it: fields quoted when they hold commas, quotes or line breaks
/// (`""` is a quote), rows ended by LF or CRLF, the last perhaps without one.
enum CSVReader {
    static func rows(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        func next() -> Unicode.Scalar? {
            if let scalar = pending {
                pending = nil
                return scalar
            }
            return scalars.next()
        }
        func endRow() {
            row.append(field)
            if row != [""] { rows.append(row) }
            row = []
            field = ""
            fieldStarted = false
        }
        while let scalar = next() {
            if quoted {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            quoted = false
                            pending = following
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where !fieldStarted:
                quoted = true
                fieldStarted = true
            case ",":
                row.append(field)
                field = ""
                fieldStarted = false
            case "\r":
                // A CR ends the row only before LF; elsewhere it is data.
                if let following = next(), following != "\n" {
                    field.unicodeScalars.append(scalar)
                    pending = following
                } else {
                    endRow()
                }
            case "\n":
                endRow()
            default:
                field.unicodeScalars.append(scalar)
                fieldStarted = true
            }
        }
        if fieldStarted || !field.isEmpty || !row.isEmpty { endRow() }
        return rows
    }
}
