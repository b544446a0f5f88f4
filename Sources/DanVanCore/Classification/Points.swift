import Foundation

/// Points with two decimal places, held as hundredths so that 80.00 and 79.99 compare exactly:
/// classification never touches floating point. Written the Vietnamese way ("87,5") and read
/// with either a comma or a point.
public struct Points: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let hundredths: Int

    public init(hundredths: Int) {
        self.hundredths = hundredths
    }

    public init(_ whole: Int) {
        self.hundredths = whole * 100
    }

    public static let zero = Points(hundredths: 0)

    /// "87", "87,5", "87.50", "-2" → points; nil for anything else, and for a third decimal
    /// place (a score is never finer than hundredths).
    public init?(parsing raw: String) {
        var text = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
        let negative = text.hasPrefix("-")
        if negative || text.hasPrefix("+") { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty, whole.count <= 7, whole.allSatisfy(\.isASCIIDigit),
              let wholeValue = Int(whole) else { return nil }
        var fraction = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard (1...2).contains(digits.count), digits.allSatisfy(\.isASCIIDigit), let value = Int(digits) else { return nil }
            fraction = digits.count == 1 ? value * 10 : value
        }
        let total = wholeValue * 100 + fraction
        self.hundredths = negative ? -total : total
    }

    public static func < (lhs: Points, rhs: Points) -> Bool { lhs.hundredths < rhs.hundredths }
    public static func + (lhs: Points, rhs: Points) -> Points { Points(hundredths: lhs.hundredths + rhs.hundredths) }
    public static func - (lhs: Points, rhs: Points) -> Points { Points(hundredths: lhs.hundredths - rhs.hundredths) }
    public static func += (lhs: inout Points, rhs: Points) { lhs = lhs + rhs }

    /// `maximum × numerator / denominator`, rounded half up to the hundredth, in integers.
    public static func share(of maximum: Points, numerator: Int, denominator: Int) -> Points {
        guard denominator > 0 else { return .zero }
        let clamped = min(max(numerator, 0), denominator)
        let scaled = maximum.hundredths * clamped * 2 + denominator
        return Points(hundredths: scaled / (denominator * 2))
    }

    /// "87,50": two places, decimal comma, as the documents print points.
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let value = abs(hundredths)
        let cents = value % 100
        return "\(sign)\(value / 100),\(cents < 10 ? "0" : "")\(cents)"
    }

    /// "87,5", "80": the shortest exact form, for cells and forms.
    public var short: String {
        let full = description
        if full.hasSuffix(",00") { return String(full.dropLast(3)) }
        if full.hasSuffix("0") { return String(full.dropLast()) }
        return full
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self), let points = Points(parsing: text) {
            self = points
        } else if let whole = try? container.decode(Int.self) {
            self = Points(whole)
        } else {
            let value = try container.decode(Double.self)
            guard let points = Points(parsing: String(format: "%.2f", value)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "points")
            }
            self = points
        }
    }

    /// Encoded as a JSON number with two places at most (87.5), read back exactly.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(Double(hundredths) / 100)
    }
}
