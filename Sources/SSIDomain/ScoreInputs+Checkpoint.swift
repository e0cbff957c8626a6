extension ScoreInputs {
    func encode(into writer: inout BinaryWriter) {
        writer.write(activity.count)
        for (action, series) in activity {
            writer.write(action)
            writer.write(series.slots.count)
            for (slot, value) in zip(series.slots, series.values) {
                writer.write(slot)
                writer.write(value)
            }
        }
        writer.write(capEntries.count)
        for (key, entries) in capEntries {
            writer.write(key.action)
            writer.write(key.day)
            writer.write(entries.count)
            for entry in entries {
                writer.write(entry.occurred)
                writer.write(entry.seq)
                writer.write(entry.units)
            }
        }
        writer.write(tallyCounts.count)
        for (name, count) in tallyCounts {
            writer.write(name)
            writer.write(count)
        }
        writer.write(distinctCounts.count)
        for (name, values) in distinctCounts {
            writer.write(name)
            writer.write(values.count)
            for (value, count) in values {
                writer.write(value)
                writer.write(count)
            }
        }
        writer.write(rates.count)
        for (name, counts) in rates {
            writer.write(name)
            writer.write(counts.hits)
            writer.write(counts.totalTries)
            writer.write(counts.tryTimes.count)
            for (time, units) in zip(counts.tryTimes, counts.tryUnits) {
                writer.write(time)
                writer.write(units)
            }
        }
        writer.write(activeEvents.count)
        for (day, count) in activeEvents {
            writer.write(day)
            writer.write(count)
        }
        writer.write(dailyUnits.count)
        for (key, units) in dailyUnits {
            writer.write(key.action)
            writer.write(key.day)
            writer.write(units)
        }
        writer.write(latestOccurred)
        writer.write(daily.count)
        for (day, totals) in daily {
            writer.write(day)
            Self.write(totals.tallies, into: &writer)
            writer.write(totals.distinct.count)
            for (name, values) in totals.distinct {
                writer.write(name)
                Self.write(values.mapValues(Int64.init), into: &writer)
            }
            Self.write(totals.hits.mapValues(Int64.init), into: &writer)
            Self.write(totals.events.mapValues(Int64.init), into: &writer)
        }
    }

    static func write(_ values: [String: Int64], into writer: inout BinaryWriter) {
        writer.write(values.count)
        for (key, value) in values {
            writer.write(key)
            writer.write(value)
        }
    }

    static func readCounts(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> [String: Int64] {
        var values: [String: Int64] = [:]
        for _ in 0..<(try reader.readCount()) { values[try reader.readString()] = try reader.readInt64() }
        return values
    }

    init(decoding reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init()
        for _ in 0..<(try reader.readCount()) {
            let action = try reader.readString()
            var series = SlotSeries()
            var previous = Int64.min
            for _ in 0..<(try reader.readCount()) {
                let slot = try reader.readInt64()
                let value = try reader.readInt64()
                guard slot > previous else { throw BinaryReader.Malformed("activity slots out of order") }
                previous = slot
                series.append(slot: slot, value: value)
            }
            activity[action] = series
        }
        let capCount = try reader.readCount()
        capEntries.reserveCapacity(capCount)
        for _ in 0..<capCount {
            let key = CapKey(action: try reader.readString(), day: try reader.readInt64())
            var entries: [CapEntry] = []
            for _ in 0..<(try reader.readCount()) {
                entries.append(
                    CapEntry(
                        occurred: try reader.readInt64(), seq: try reader.readUInt64(), units: try reader.readInt()))
            }
            capEntries[key] = entries
        }
        for _ in 0..<(try reader.readCount()) { tallyCounts[try reader.readString()] = try reader.readInt64() }
        for _ in 0..<(try reader.readCount()) {
            let name = try reader.readString()
            var values: [String: Int] = [:]
            for _ in 0..<(try reader.readCount()) { values[try reader.readString()] = try reader.readInt() }
            distinctCounts[name] = values
        }
        for _ in 0..<(try reader.readCount()) {
            let name = try reader.readString()
            var counts = RateCounts(hits: try reader.readInt(), totalTries: try reader.readInt())
            var previous = Int64.min
            for _ in 0..<(try reader.readCount()) {
                let time = try reader.readInt64()
                guard time > previous else { throw BinaryReader.Malformed("rate tries out of order") }
                previous = time
                counts.tryTimes.append(time)
                counts.tryUnits.append(try reader.readInt())
            }
            rates[name] = counts
        }
        for _ in 0..<(try reader.readCount()) { activeEvents[try reader.readInt64()] = try reader.readInt() }
        for _ in 0..<(try reader.readCount()) {
            dailyUnits[CapKey(action: try reader.readString(), day: try reader.readInt64())] = try reader.readInt()
        }
        latestOccurred = try reader.readInt64()
        for _ in 0..<(try reader.readCount()) {
            let day = try reader.readInt64()
            var totals = DayTotals()
            totals.tallies = try Self.readCounts(&reader)
            for _ in 0..<(try reader.readCount()) {
                totals.distinct[try reader.readString()] = try Self.readCounts(&reader).mapValues { Int($0) }
            }
            totals.hits = try Self.readCounts(&reader).mapValues { Int($0) }
            totals.events = try Self.readCounts(&reader).mapValues { Int($0) }
            daily[day] = totals
        }
    }
}
