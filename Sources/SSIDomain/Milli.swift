/// Points and weights are kept in thousandths as integers, so that sums do not depend on the order
/// events arrive in: live updates, replay and history then agree to the last decimal.
public typealias Milli = Int64

extension Milli {
    /// A decimal amount in thousandths, rounded half away from zero.
    public init(thousandthsOf value: Double) {
        self = Int64((value * 1000).rounded())
    }

    /// The amount as a floating-point number of whole units.
    public var units: Double { Double(self) / 1000 }
}
