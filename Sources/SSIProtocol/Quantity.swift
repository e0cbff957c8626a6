/// A count with its noun, singular or plural as English wants it: "1 record", "2 records".
public enum Quantity {
    public static func text(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? noun : plural ?? noun + "s")
    }
}
