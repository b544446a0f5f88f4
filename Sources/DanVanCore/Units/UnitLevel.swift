/// The administrative level a unit works at. Districts ended on 1 July 2025 but their units
/// stay in the tree, ended, so older plans remain readable.
public enum UnitLevel: String, CaseIterable, Codable, Sendable {
    case central, province, district, commune, grassroots

    /// Lower is higher in the hierarchy.
    public var rank: Int {
        switch self {
        case .central: 0
        case .province: 1
        case .district: 2
        case .commune: 3
        case .grassroots: 4
        }
    }

    public var label: String {
        switch self {
        case .central: "Trung ương"
        case .province: "Tỉnh"
        case .district: "Huyện"
        case .commune: "Xã"
        case .grassroots: "Cơ sở"
        }
    }
}
