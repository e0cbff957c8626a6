/// Activity points of one action kind in 15-minute slots, sorted by slot. Fifteen minutes divides
/// every UTC offset in use, so a local midnight is always a slot boundary. A slot number is kept in
/// 32 bits: times are read with four-digit years, and 2^31 slots of 15 minutes reach 61,000 years
/// either side of 1970.
struct SlotSeries: Sendable, Equatable {
    static let slotSeconds: Int64 = 900

    private(set) var slots: [Int32] = []
    private(set) var values: [Milli] = []

    static func slot(of seconds: Int64) -> Int64 { CivilTime.floorDiv(seconds, slotSeconds) }

    mutating func add(_ amount: Milli, at seconds: Int64) {
        guard amount != 0 else { return }
        let slot = Int32(clamping: Self.slot(of: seconds))
        let index = insertionIndex(of: slot)
        if index < slots.count, slots[index] == slot {
            values[index] += amount
            if values[index] == 0 {
                slots.remove(at: index)
                values.remove(at: index)
            }
        } else {
            slots.insert(slot, at: index)
            values.insert(amount, at: index)
        }
    }

    mutating func reserveCapacity(_ capacity: Int) {
        slots.reserveCapacity(capacity)
        values.reserveCapacity(capacity)
    }

    /// Appends a slot after every slot held (reading a checkpoint back, in order).
    mutating func append(slot: Int32, value: Milli) {
        slots.append(slot)
        values.append(value)
    }

    private func insertionIndex(of slot: Int32) -> Int {
        if let last = slots.last, last < slot { return slots.count }
        var low = 0
        var high = slots.count
        while low < high {
            let mid = (low + high) / 2
            if slots[mid] < slot { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// Points still counting at `now`, newest first, stopping at the edge of the window.
    func decayedPoints(at now: Int64, model: ScoreModel) -> Double {
        var total = 0.0
        var index = insertionIndex(of: Int32(clamping: Self.slot(of: now) + 1)) - 1
        while index >= 0 {
            let age = now - Int64(slots[index]) * Self.slotSeconds
            let factor = model.decay(age: age)
            if factor == 0 { break }
            total += values[index].units * factor
            index -= 1
        }
        return total
    }
}
