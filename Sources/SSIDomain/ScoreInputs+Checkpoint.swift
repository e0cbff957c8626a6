extension ScoreInputs {
    func encode(into writer: inout BinaryWriter) {
        writer.write(each: activity) { writer, item in
            writer.write(item.key)
            writer.write(each: zip(item.value.slots, item.value.values).map { $0 }) {
                $0.write(Int64($1.0))
                $0.write($1.1)
            }
        }
        writer.write(each: days.capEntries) { writer, item in
            writer.write(item.action)
            writer.write(item.day)
            writer.write(item.cap.newestOccurred)
            writer.write(item.cap.newestSeq)
            writer.write(item.cap.newestIsExact ? 1 : 0)
            writer.write(item.cap.seqs.lowerBound)
            writer.write(item.cap.seqs.upperBound)
        }
        Self.write(tallyCounts, into: &writer)
        writer.write(each: distinctCounts) { writer, item in
            writer.write(item.key)
            Self.write(item.value.mapValues(Int64.init), into: &writer)
        }
        writer.write(each: rates) { writer, item in
            writer.write(item.key)
            writer.write(item.value.hits)
            writer.write(item.value.totalTries)
            writer.write(each: item.value.tryTimes) {
                $0.write($1)
                $0.write(item.value.units(at: $1))
            }
        }
        writer.write(each: activeEvents) {
            $0.write($1.key)
            $0.write($1.value)
        }
        for columns in [days.units, days.events] { Self.write(columns, into: &writer) }
        writer.write(latestOccurred)
        for columns in [dayTallies, dayHits] { Self.write(columns, into: &writer) }
        writer.write(each: dayDistinct) { writer, item in
            writer.write(item.key)
            writer.write(each: item.value) { writer, values in
                writer.write(values.key)
                Self.write(values.value.mapValues(Int64.init), into: &writer)
            }
        }
    }

    static func write(_ columns: DayColumns, into writer: inout BinaryWriter) {
        writer.write(each: columns.entries) {
            $0.write($1.name)
            $0.write($1.day)
            $0.write($1.amount)
        }
    }

    static func readColumns(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> DayColumns {
        var columns = DayColumns()
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            let name = try reader.readString()
            let day = try reader.readInt64()
            columns.add(try reader.readInt64(), name: name, day: day)
        }
        return columns
    }

    static func write(_ values: [String: Int64], into writer: inout BinaryWriter) {
        writer.write(each: values) {
            $0.write($1.key)
            $0.write($1.value)
        }
    }

    static func readCounts(_ reader: inout BinaryReader) throws(BinaryReader.Malformed) -> [String: Int64] {
        var values: [String: Int64] = [:]
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            values[try reader.readString()] = try reader.readInt64()
        }
        return values
    }

    init(decoding reader: inout BinaryReader) throws(BinaryReader.Malformed) {
        self.init()
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            let action = try reader.readString()
            var series = SlotSeries()
            try reader.readEach(reserving: { series.reserveCapacity($0) }) {
                (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
                guard let slot = Int32(exactly: try reader.readInt64()), slot > (series.slots.last ?? .min) else {
                    throw BinaryReader.Malformed("slots out of order or out of range")
                }
                series.append(slot: slot, value: try reader.readInt64())
            }
            activity[action] = series
        }
        var caps: [(action: String, day: Int64, cap: CapDay)] = []
        try reader.readEach(reserving: { caps.reserveCapacity($0) }) {
            (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            let action = try reader.readString()
            let day = try reader.readInt64()
            let newestOccurred = try reader.readInt64()
            let newestSeq = try reader.readUInt64()
            let exact = try reader.readInt()
            let lowest = try reader.readUInt64()
            let highest = try reader.readUInt64()
            guard exact == 0 || exact == 1, lowest <= newestSeq, newestSeq <= highest else {
                throw BinaryReader.Malformed("capped day \(action) \(day) out of its own range")
            }
            let cap = CapDay(
                newestOccurred: newestOccurred, newestSeq: newestSeq, newestIsExact: exact == 1, seqs: lowest...highest)
            caps.append((action, day, cap))
        }
        tallyCounts = try Self.readCounts(&reader)
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            distinctCounts[try reader.readString()] = try Self.readCounts(&reader).mapValues { Int($0) }
        }
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            let name = try reader.readString()
            var counts = RateCounts(hits: try reader.readInt(), totalTries: try reader.readInt())
            try reader.readEach(reserving: { counts.tryTimes.reserveCapacity($0) }) {
                (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
                let time = try reader.readInt64()
                guard time > (counts.tryTimes.last ?? .min) else { throw BinaryReader.Malformed("tries out of order") }
                counts.appendTry(at: time, units: try reader.readInt())
            }
            rates[name] = counts
        }
        try reader.readEach(reserving: { activeEvents.reserveCapacity($0) }) {
            (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            activeEvents[try reader.readInt64()] = try reader.readInt()
        }
        let units = try Self.readColumns(&reader)
        let events = try Self.readColumns(&reader)
        days = ActionDayTable(units: units, events: events)
        for (action, day, cap) in caps { days.setCap(cap, action: action, day: day) }
        latestOccurred = try reader.readInt64()
        dayTallies = try Self.readColumns(&reader)
        dayHits = try Self.readColumns(&reader)
        try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
            let day = try reader.readInt64()
            var distinct: [String: [String: Int]] = [:]
            try reader.readEach { (reader: inout BinaryReader) throws(BinaryReader.Malformed) in
                distinct[try reader.readString()] = try Self.readCounts(&reader).mapValues { Int($0) }
            }
            dayDistinct[day] = distinct
        }
    }
}
