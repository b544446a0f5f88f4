/// A figure as staff type it in a form or a CSV cell: a whole number, possibly grouped in
/// thousands the Vietnamese way ("1.234" or "1 234"). Decimals, signs and letters are refused.
public enum TypedFigure {
    public enum Problem: Error, Equatable, Sendable {
        case notANumber
        case negative
        case fraction
    }

    public static func parse(_ text: String) -> Result<Int, Problem> {
        let trimmed = text.trimmed()
        if trimmed.hasPrefix("-"), case .success = parse(String(trimmed.dropFirst())) { return .failure(.negative) }
        let groups = trimmed.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == " " || $0 == "\u{00A0}" })
        guard !trimmed.isEmpty, groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCIIDigit } }) else {
            if trimmed.contains(","), trimmed.split(separator: ",").allSatisfy({ $0.allSatisfy { $0.isASCIIDigit } }) { return .failure(.fraction) }
            return .failure(.notANumber)
        }
        if groups.count > 1 {
            guard groups.dropFirst().allSatisfy({ $0.count == 3 }), groups[0].count <= 3 else { return .failure(.fraction) }
        }
        guard let value = Int(groups.joined()), value <= 1_000_000_000 else { return .failure(.notANumber) }
        return .success(value)
    }

    /// Có / không, as a form or a CSV says it.
    public static func parseYesNo(_ text: String) -> Bool? {
        switch VietnameseFolding.fold(text.trimmed()) {
        case "1", "co", "x", "yes", "true", "dat": true
        case "0", "khong", "no", "false", "chua": false
        default: nil
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
