import Foundation

/// A document's number and symbol: "159-KH/HU" (party: number-type/issuer) or "235/KH-UBND"
/// (state: number/type-issuer, legal normative ones with a year: "30/2020/NĐ-CP").
/// Real text is noisy ("Số 114 -KH/ĐUK", "151 - KH/HU", "Số: /KH-VPUBND"); the parser
/// normalises spacing, keeps what was written, and never invents a missing number.
public struct DocumentNumber: Hashable, Sendable, Codable {
    public enum Style: String, Codable, Sendable { case party, state }

    public let raw: String
    /// Empty when a draft leaves the number for the clerk.
    public let number: String
    public let year: Int?
    public let type: String
    public let issuer: String
    public let style: Style

    public var normalized: String {
        switch style {
        case .party: return "\(number)-\(type)/\(issuer)"
        case .state: return [number, year.map(String.init), "\(type)-\(issuer)"].compactMap { $0 }.joined(separator: "/")
        }
    }

    /// Issuers that only ever number state-style: "33-CT/TTg" is the Prime Minister's 33/CT-TTg.
    static let stateIssuers: Set<String> = ["TTG", "CP", "UBND", "HĐND", "VPUBND", "UBTVQH", "BNV", "BCA", "BQP", "VPCP", "QH",
                                            "BTC", "BTP", "BYT", "BGDĐT", "BNNPTNT", "BLĐTBXH", "BVHTTDL", "BTTTT", "BKHĐT",
                                            "STC", "SNV", "TANDTC", "VKSNDTC", "KTNN", "NHNN"]

    /// Parses a symbol on its own ("159 -KH/HU") or with its "Số"/"Số:" prefix.
    public static func parse(_ text: String) -> DocumentNumber? {
        let raw = text.trimmed()
        guard raw.containsASCII("/") else { return nil }
        var body = raw
        if !(body.first?.isNumber ?? true), let range = body.rangeOfPattern(#"^(Số|số|SỐ)\s*:?\s*"#) {
            body.removeSubrange(range)
        }
        if body.unicodeScalars.contains(where: \.isFastWhitespace) || body.containsLiteral("–") {
            body = body.replacingPattern(#"\s*([-/–])\s*"#, with: "$1").replacingLiteral("–", with: "-")
        }
        return parseParty(body, raw: raw) ?? parseState(body, raw: raw)
    }

    /// Up to six letters: "KH", "CTr", "QĐi", and joint ones: "CTrPH" (chương trình phối hợp), "QCPH", "NQLT".
    private static let typePattern = #"[A-ZĐa-zđ]{1,6}"#
    /// One body or several joined by hyphens ("UBND-BDVTU"); a party affairs committee of a
    /// People's Committee keeps its body's name: "BDVTU-BCSĐ UBND tỉnh".
    static let issuerPattern = #"(?:[A-ZĐ][A-ZĐa-zđ0-9]*-)*BCSĐ?\s+UBND\s+(?:tỉnh|huyện|xã|thành phố)|[A-ZĐ][A-ZĐa-zđ0-9]*(?:-[A-ZĐ][A-ZĐa-zđ0-9]*)*"#

    private static func parseParty(_ body: String, raw: String) -> DocumentNumber? {
        let pattern = #"^(\d*)-("# + typePattern + #")/("# + issuerPattern + #")$"#
        guard let groups = body.captures(pattern), groups.count == 3 else { return nil }
        let type = DocumentType.canonicalAbbreviation(groups[1])
        let issuer = groups[2]
        // A joint symbol written party-style ("01-QCPH/UBND-BDVTU") keeps that style.
        if isStateIssuer(issuer), !issuer.contains("-") {
            return DocumentNumber(raw: raw, number: groups[0], year: nil, type: type, issuer: issuer, style: .state)
        }
        return DocumentNumber(raw: raw, number: groups[0], year: nil, type: type, issuer: issuer, style: .party)
    }

    private static func parseState(_ body: String, raw: String) -> DocumentNumber? {
        let pattern = #"^(\d*)/(?:(\d{4})/)?("# + typePattern + #")-("# + issuerPattern + #")$"#
        guard let groups = body.captures(pattern), groups.count == 4 else { return nil }
        return DocumentNumber(raw: raw, number: groups[0], year: Int(groups[1]), type: DocumentType.canonicalAbbreviation(groups[2]),
                              issuer: groups[3], style: .state)
    }

    static func isStateIssuer(_ issuer: String) -> Bool {
        let head = issuer.split(separator: "-").first.map(String.init) ?? issuer
        let upper = head.uppercased()
        return stateIssuers.contains(upper) || stateIssuers.contains { upper.hasPrefix($0) && $0.count >= 4 }
    }
}
