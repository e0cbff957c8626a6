/// The times of a rate's tries, sorted: seconds since 1970 in 32 bits each while every time fits
/// (1970 to 2106), all of them in 64 bits once one does not. A try is kept for the whole history (a
/// delayed denominator, and `history`, ask how many were old enough at an instant), so the list
/// grows with the years; half its size is worth a branch per read.
struct TryTimes: Sendable, Equatable, RandomAccessCollection {
    private var narrow: [UInt32] = []
    /// Every time, once one does not fit in `narrow` (which is then empty).
    private var wide: [Int64]?

    var startIndex: Int { 0 }
    var endIndex: Int { wide?.count ?? narrow.count }

    subscript(position: Int) -> Int64 { wide?[position] ?? Int64(narrow[position]) }

    /// The first position whose time meets `isLateEnough`, which holds for a time and every later
    /// one: a binary search over the sorted times.
    func firstPosition(where isLateEnough: (Int64) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if isLateEnough(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    mutating func insert(_ time: Int64, at position: Int) {
        if wide == nil, let fits = UInt32(exactly: time) {
            narrow.insert(fits, at: position)
        } else {
            widen()
            wide!.insert(time, at: position)
        }
    }

    mutating func append(_ time: Int64) { insert(time, at: endIndex) }

    mutating func remove(at position: Int) {
        if wide == nil { narrow.remove(at: position) } else { wide!.remove(at: position) }
    }

    mutating func reserveCapacity(_ capacity: Int) {
        if wide == nil { narrow.reserveCapacity(capacity) } else { wide!.reserveCapacity(capacity) }
    }

    private mutating func widen() {
        guard wide == nil else { return }
        wide = narrow.map(Int64.init)
        narrow = []
    }

    static func == (left: TryTimes, right: TryTimes) -> Bool { left.elementsEqual(right) }
}
