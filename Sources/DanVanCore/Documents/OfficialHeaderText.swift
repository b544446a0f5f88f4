import Foundation

/// The lines of an official document's header, worked out from the unit that issues it: the
/// body above and the issuing body (top left), the number line with a blank for the clerk when
/// there is no number yet, and the place and date line (top right).
public struct OfficialHeaderText: Equatable, Sendable {
    /// A unit as the header needs it.
    public struct Body: Equatable, Sendable {
        public let name: String
        public let kind: UnitKind
        public let level: UnitLevel

        public init(name: String, kind: UnitKind, level: UnitLevel) {
            self.name = name
            self.kind = kind
            self.level = level
        }

        /// The name as documents print it: "Đảng ủy xã Bình Lư (huyện Tam Đường)" keeps its
        /// bracketed district only to tell it apart in lists.
        public var printedName: String {
            let bare = name.replacingOccurrences(of: #"\s*\([^)]*\)"#, with: "", options: .regularExpression).trimmingCharacters(in: .whitespaces)
            return bare.isEmpty ? name : bare
        }

        var officialName: Body {
            Body(name: printedName, kind: kind, level: level)
        }
    }

    public let style: DocumentNumber.Style
    public let superiorBody: String?
    public let issuingBody: String
    public let numberLine: String
    /// True when the number is left for the clerk, as a draft's is.
    public let numberLineIsBlank: Bool
    public let placeAndDate: String

    /// The width the clerk writes a number or a date into.
    static let blank = "    "

    public init(unit: Body, parent: Body?, grandparent: Body?, number: DocumentNumber?, type: String, place: String?,
                issuedOn: CivilDate?, year: Int) {
        let unit = unit.officialName
        let parent = parent?.officialName
        let grandparent = grandparent?.officialName
        let style = number?.style ?? (unit.kind.system == .party ? .party : .state)
        self.style = style
        let bodies = Self.bodies(unit: unit, parent: parent, grandparent: grandparent, style: style)
        superiorBody = bodies.superior.map(Self.capitals)
        issuingBody = Self.capitals(bodies.issuing)
        numberLine = Self.numberLine(number, style: style, type: type, issuer: Self.issuerSymbol(unit))
        numberLineIsBlank = number?.number.isEmpty ?? true
        let placeName = place ?? Self.place(of: unit.name) ?? parent.flatMap { Self.place(of: $0.name) } ?? "……"
        placeAndDate = Self.dateLine(place: placeName, date: issuedOn, year: year)
    }

    /// The number as running text cites it: "số 159-KH/HU", or "số      -BC/HU" while blank.
    public var numberInText: String {
        let symbol = numberLine.hasPrefix("Số: ") ? numberLine.dropFirst(4) : numberLine.dropFirst(3)
        return "số " + symbol
    }

    private static func bodies(unit: Body, parent: Body?, grandparent: Body?, style: DocumentNumber.Style) -> (superior: String?, issuing: String) {
        // A standing board issues in its committee's name ("T/M BAN THƯỜNG VỤ" signs).
        if unit.kind == .partyStandingBoard, let parent {
            return (grandparent.map { partyOrganisation($0.name) }, parent.name)
        }
        guard let parent else { return (nil, unit.name) }
        if style == .party, unit.kind == .partyCommittee || unit.kind == .partyCell {
            return (partyOrganisation(parent.name), unit.name)
        }
        // "Ban Dân vận Tỉnh ủy Lai Châu" under "Tỉnh ủy Lai Châu": TỈNH ỦY LAI CHÂU / BAN DÂN VẬN.
        if unit.name.count > parent.name.count, unit.name.hasSuffix(" " + parent.name) {
            return (parent.name, String(unit.name.dropLast(parent.name.count + 1)))
        }
        return (parent.name, unit.name)
    }

    /// "Tỉnh ủy Lai Châu" → "Đảng bộ tỉnh Lai Châu": the party organisation a committee leads.
    static func partyOrganisation(_ committee: String) -> String {
        let forms = [("Tỉnh ủy ", "Đảng bộ tỉnh "), ("Huyện ủy ", "Đảng bộ huyện "), ("Thành ủy ", "Đảng bộ thành phố "),
                     ("Thị ủy ", "Đảng bộ thị xã "), ("Đảng ủy ", "Đảng bộ ")]
        for (prefix, organisation) in forms where committee.hasPrefix(prefix) {
            return organisation + committee.dropFirst(prefix.count)
        }
        return committee
    }

    /// The issuer part of a number for a plan that has none yet: TU, HU, ĐU, UBND ...
    static func issuerSymbol(_ unit: Body) -> String {
        let committee = unit.kind == .partyStandingBoard || unit.kind == .partyCommittee
        switch (unit.kind.system, unit.level) {
        case (.party, .province) where committee: return "TU"
        case (.party, .district) where committee: return "HU"
        case (.party, .commune) where committee: return "ĐU"
        case (.party, _) where unit.kind == .partyCell: return "CB"
        case (.party, .province) where unit.kind == .massMobilizationBoard: return "BDVTU"
        case (.party, .district) where unit.kind == .massMobilizationBoard: return "BDVHU"
        case (.state, _) where unit.kind == .peoplesCommittee: return "UBND"
        case (.state, _) where unit.kind == .peoplesCouncil: return "HĐND"
        case (.front, _) where unit.kind == .fatherlandFront: return "MTTQ"
        default: return "……"
        }
    }

    static func numberLine(_ number: DocumentNumber?, style: DocumentNumber.Style, type: String, issuer: String) -> String {
        if let number, !number.number.isEmpty {
            return style == .party ? "Số \(number.normalized)" : "Số: \(number.normalized)"
        }
        let issuer = number?.issuer ?? issuer
        return style == .party ? "Số \(blank)-\(type)/\(issuer)" : "Số: \(blank)/\(type)-\(issuer)"
    }

    static func dateLine(place: String, date: CivilDate?, year: Int) -> String {
        guard let date else { return "\(place), ngày \(blank) tháng \(blank) năm \(year)" }
        return "\(place), ngày \(twoDigits(date.day)) tháng \(twoDigits(date.month)) năm \(date.year)"
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }

    /// The place named by a body's name: "Huyện ủy Tam Đường" → "Tam Đường", "Đảng ủy xã Bình Lư"
    /// → "Bình Lư", "UBND tỉnh Lai Châu" → "Lai Châu".
    static func place(of name: String) -> String? {
        for prefix in ["Tỉnh ủy ", "Huyện ủy ", "Thành ủy ", "Thị ủy "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        for marker in [" thành phố ", " thị xã ", " thị trấn ", " tỉnh ", " huyện ", " xã ", " phường ", " bản ", " thôn "] {
            if let range = name.range(of: marker, options: .backwards) {
                let rest = name[range.upperBound...]
                if !rest.isEmpty { return String(rest) }
            }
        }
        return nil
    }

    static func capitals(_ text: String) -> String {
        text.uppercased()
    }
}
