/// How a matter is put to the people (Luật 10/2022/QH15, Chương II mục 2–3).
public enum ConsultationKind: String, CaseIterable, Sendable, Codable {
    /// The people give opinions on a draft over a period (Điều 28: at least 20 days).
    case consultation
    /// The people decide directly, by households, at a village meeting.
    case meeting
    /// ... by a household questionnaire.
    case questionnaire
    /// ... by an online vote.
    case onlineVote = "online_vote"

    public var label: String {
        switch self {
        case .consultation: "Lấy ý kiến Nhân dân"
        case .meeting: "Hội nghị thôn bàn và quyết định"
        case .questionnaire: "Phát phiếu lấy ý kiến hộ gia đình"
        case .onlineVote: "Biểu quyết trực tuyến"
        }
    }

    /// A direct decision, counted by the households of a village.
    public var isVote: Bool { self != .consultation }
}

/// The figures of the rule in force: the shortest consultation, and the share of households that
/// must agree for a decision to pass. Dated data, judged on the day the matter was put.
public struct ConsultationRule: Sendable, Equatable {
    public let minDays: Int
    /// More than this percent of the village's households must agree.
    public let passPercent: Int
    public let source: String

    public init(minDays: Int, passPercent: Int, source: String) {
        self.minDays = minDays
        self.passPercent = passPercent
        self.source = source
    }

    public static let shipped = ConsultationRule(minDays: 20, passPercent: 50,
                                                 source: "Luật Thực hiện dân chủ ở cơ sở số 10/2022/QH15 (Điều 22, Điều 28)")

    /// Length in days, first and last included.
    public static func days(from start: CivilDate, to end: CivilDate) -> Int { end.dayNumber - start.dayNumber + 1 }

    public func isShort(from start: CivilDate, to end: CivilDate) -> Bool { Self.days(from: start, to: end) < minDays }

    /// Whether a vote passed: more than `passPercent` of the households in scope agreed.
    public func passes(votesFor: Int, households: Int) -> Bool {
        households > 0 && votesFor * 100 > passPercent * households
    }
}
