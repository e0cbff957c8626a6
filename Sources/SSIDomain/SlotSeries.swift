/// Activity points of one action kind in 15-minute slots, sorted by slot. Fifteen minutes divides
/// every UTC offset in use, so a local midnight is always a slot boundary. A slot number is kept in
/// 32 bits: times are read with four-digit years, and 2^31 slots of 15 minutes reach 61,000 years
/// either side of 1970. A slot's points are kept in 32 bits too (2.1 million points in thousandths)
/// until one does not fit; the series then keeps all of them in 64.
struct SlotSeries: Sendable {
    static let slotSeconds: Int64 = 900

    private(set) var slots: [Int32] = []
    private var narrowValues: [Int32] = []
    /// Every slot's points once one does not fit in 32 bits; `narrowValues` is then empty.
    private var wideValues: [Milli]?

    /// Each slot's points, in slot order.
    var values: [Milli] { wideValues ?? narrowValues.map(Milli.init) }

    static func slot(of seconds: Int64) -> Int64 { CivilTime.floorDiv(seconds, slotSeconds) }

    mutating func add(_ amount: Milli, at seconds: Int64) {
        guard amount != 0 else { return }
        let slot = Int32(clamping: Self.slot(of: seconds))
        let index = insertionIndex(of: slot)
        if index < slots.count, slots[index] == slot {
            let sum = value(at: index) + amount
            if sum == 0 {
                slots.remove(at: index)
                if wideValues != nil { wideValues!.remove(at: index) } else { narrowValues.remove(at: index) }
            } else {
                setValue(sum, at: index)
            }
        } else {
            slots.insert(slot, at: index)
            if wideValues != nil { wideValues!.insert(amount, at: index) } else { narrowValues.insert(0, at: index) }
            setValue(amount, at: index)
        }
    }

    mutating func reserveCapacity(_ capacity: Int) {
        slots.reserveCapacity(capacity)
        narrowValues.reserveCapacity(capacity)
    }

    /// Appends a slot after every slot held (reading a checkpoint back, in order).
    mutating func append(slot: Int32, value: Milli) {
        slots.append(slot)
        if wideValues != nil { wideValues!.append(value) } else { narrowValues.append(0) }
        setValue(value, at: slots.count - 1)
    }

    private func value(at index: Int) -> Milli {
        wideValues?[index] ?? Milli(narrowValues[index])
    }

    private mutating func setValue(_ value: Milli, at index: Int) {
        if wideValues != nil {
            wideValues![index] = value
        } else if let narrow = Int32(exactly: value) {
            narrowValues[index] = narrow
        } else {
            var wide = narrowValues.map(Milli.init)
            wide[index] = value
            wideValues = wide
            narrowValues = []
        }
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
            total += value(at: index).units * factor
            index -= 1
        }
        return total
    }
}

extension SlotSeries: Equatable {
    /// The same points in the same slots, however they are kept.
    static func == (left: SlotSeries, right: SlotSeries) -> Bool {
        left.slots == right.slots && left.values == right.values
    }
}
