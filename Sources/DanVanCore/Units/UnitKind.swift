/// What sort of body a unit is. Raw values are the stable codes used in CSV files and the API.
public enum UnitKind: String, CaseIterable, Codable, Sendable {
    case partyCommittee = "party_committee"
    case partyStandingBoard = "party_standing_board"
    case partyCell = "party_cell"
    case massMobilizationBoard = "mass_mobilization_board"
    case peoplesCommittee = "peoples_committee"
    case stateOffice = "state_office"
    case peoplesCouncil = "peoples_council"
    case fatherlandFront = "fatherland_front"
    case tradeUnion = "trade_union"
    case farmersUnion = "farmers_union"
    case youthUnion = "youth_union"
    case womensUnion = "womens_union"
    case veteransAssociation = "veterans_association"
    case village = "village"
    case other = "other"

    public var label: String {
        switch self {
        case .partyCommittee: "Cấp ủy đảng"
        case .partyStandingBoard: "Ban Thường vụ cấp ủy"
        case .partyCell: "Chi bộ"
        case .massMobilizationBoard: "Ban Dân vận"
        case .peoplesCommittee: "Ủy ban nhân dân"
        case .stateOffice: "Văn phòng, sở, phòng, ban"
        case .peoplesCouncil: "Hội đồng nhân dân"
        case .fatherlandFront: "Mặt trận Tổ quốc"
        case .tradeUnion: "Công đoàn"
        case .farmersUnion: "Hội Nông dân"
        case .youthUnion: "Đoàn Thanh niên"
        case .womensUnion: "Hội Liên hiệp Phụ nữ"
        case .veteransAssociation: "Hội Cựu chiến binh"
        case .village: "Thôn, bản, tổ dân phố"
        case .other: "Khác"
        }
    }

    /// A standing board, a board or an office issues in its committee's name: its plans are
    /// addressed to the committee's whole subtree, not only to what lies below the board.
    public var issuesForParent: Bool {
        [.partyStandingBoard, .massMobilizationBoard, .stateOffice].contains(self)
    }

    /// The system the body belongs to: party, state, or the Front and its organisations.
    public var system: UnitSystem {
        switch self {
        case .partyCommittee, .partyStandingBoard, .partyCell, .massMobilizationBoard: .party
        case .peoplesCommittee, .stateOffice, .peoplesCouncil, .village: .state
        case .fatherlandFront, .tradeUnion, .farmersUnion, .youthUnion, .womensUnion, .veteransAssociation: .front
        case .other: .other
        }
    }
}

public enum UnitSystem: String, CaseIterable, Codable, Sendable {
    case party, state, front, other

    public var label: String {
        switch self {
        case .party: "Đảng"
        case .state: "Chính quyền"
        case .front: "Mặt trận và đoàn thể"
        case .other: "Khác"
        }
    }
}
