import SSIDomain

/// Plain-text rendering shared by the commands.
enum TextFormat {
    /// `63.41` from 6341.
    static func decimal(_ hundredths: Int) -> String { Score.format(hundredths) }

    /// `+0.85` or `-1.20` from hundredths.
    static func signed(_ hundredths: Int) -> String {
        hundredths < 0 ? Score.format(hundredths) : "+" + Score.format(hundredths)
    }

    /// A bar of `width` cells for `value` out of `maximum`, in eighths of a cell.
    static func bar(_ value: Double, maximum: Double, width: Int) -> String {
        let blocks = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let eighths = Int((max(0, min(value, maximum)) / maximum * Double(width * 8)).rounded())
        return String(repeating: "█", count: eighths / 8) + blocks[eighths % 8]
    }

    /// One character per value, from ▁ to █, scaled to `maximum`.
    static func sparkline(_ values: [Double], maximum: Double) -> String {
        let levels = Array("▁▂▃▄▅▆▇█")
        return String(
            values.map { value in
                levels[min(levels.count - 1, max(0, Int(value / maximum * Double(levels.count - 1) + 0.5)))]
            })
    }

    static func padded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    static func leftPadded(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }
}
