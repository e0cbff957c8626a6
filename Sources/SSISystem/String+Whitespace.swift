extension StringProtocol {
    /// Without leading and trailing white space (spaces, tabs, line breaks, Unicode spaces), as
    /// CSV values, config lines and typed times need it; Foundation is kept out of the client.
    public var trimmingWhitespace: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
