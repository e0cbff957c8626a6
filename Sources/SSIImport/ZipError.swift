/// Why a zip archive was refused: damaged, truncated, encrypted, or an entry too large to be an
/// export (a zip bomb).
public struct ZipError: Error, Equatable, CustomStringConvertible {
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
