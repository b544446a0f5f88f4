import Foundation

/// A rule that overrides or limits the bands.
public enum ClassificationGate: Codable, Hashable, Sendable {
    /// A unit that did not submit its sheet by the round's close date is not classified:
    /// it gets `label` ("Không đủ điều kiện xếp loại") whatever its points.
    case submitByClose(label: String)
    /// At most `percent` % of the round's units may earn `band` (rounded down).
    case quota(band: String, percent: Int)

    public static let notEligible = "Không đủ điều kiện xếp loại"

    public var description: String {
        switch self {
        case .submitByClose(let label): "Không gửi phiếu tự chấm đúng hạn → \(label)"
        case .quota(let band, let percent): "Mức \(band) không quá \(percent)% số đơn vị được xếp loại"
        }
    }

    /// How many of `count` units may earn the band, for a quota.
    public static func quotaLimit(percent: Int, of count: Int) -> Int {
        count * percent / 100
    }

    /// "không gửi đúng hạn" / "Không đủ điều kiện xếp loại" and "quota: Xuất sắc 20" as a
    /// spreadsheet writes them. nil when the text is neither.
    public static func parse(_ text: String) -> ClassificationGate? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let folded = VietnameseFolding.fold(trimmed)
        if folded.hasPrefix("han nop") || folded.contains("dung han") || folded.contains("khong du dieu kien") {
            return .submitByClose(label: notEligible)
        }
        if folded.hasPrefix("ty le") || folded.hasPrefix("quota") || folded.hasPrefix("khong qua") {
            // "Tỷ lệ Xuất sắc không quá 20%" → the band between the lead words and the figure.
            let digits = trimmed.reversed().drop { !$0.isNumber }.prefix { $0.isNumber }
            guard let percent = Int(String(digits.reversed())), (1...100).contains(percent) else { return nil }
            let words = trimmed.replacingOccurrences(of: "%", with: " ").split(separator: " ").map(String.init)
            let band = words.filter { word in
                let f = VietnameseFolding.fold(word)
                return !["ty", "le", "quota", "khong", "qua", "muc", "loai", ":", "-", "toi", "da"].contains(f) && Int(word) == nil
            }.joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " :-"))
            return band.isEmpty ? nil : .quota(band: band, percent: percent)
        }
        return nil
    }
}
