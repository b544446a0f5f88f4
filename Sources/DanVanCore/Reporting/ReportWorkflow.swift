/// The rules of a report's life, in one place: which action may follow which state, who may not
/// approve, which actions need a reason, when a period is closed, and when a submission is late.
/// The server asks here and writes what it is told; the same answers hold for the form, the API
/// and a CSV file.
public enum ReportWorkflow {
    public static let reasonLimit = 2_000

    /// When a unit's report for a period is due and when its period closes.
    public struct Window: Equatable, Sendable {
        public let deadline: CivilDate
        public let closesOn: CivilDate

        public init(deadline: CivilDate, closesOn: CivilDate) {
            self.deadline = deadline
            self.closesOn = closesOn
        }

        public func isClosed(on day: CivilDate) -> Bool { closesOn < day }
        public func isLate(on day: CivilDate) -> Bool { deadline < day }
    }

    public enum Refusal: Error, Equatable, Sendable {
        case notFrom(ReportAction, ReportState)
        case reasonMissing(ReportAction)
        case reasonTooLong(Int)
        case ownApproval
        case periodClosed(closesOn: CivilDate)

        /// How the server answers: a state that moved on is a conflict, a missing reason or a
        /// closed period an invalid input, approving one's own report a refusal.
        public enum Kind: Sendable { case conflict, invalid, forbidden }

        public var kind: Kind {
            switch self {
            case .notFrom: .conflict
            case .reasonMissing, .reasonTooLong, .periodClosed: .invalid
            case .ownApproval: .forbidden
            }
        }

        public var field: String {
            switch self {
            case .notFrom, .ownApproval: "action"
            case .reasonMissing, .reasonTooLong: "reason"
            case .periodClosed: "period"
            }
        }

        public var message: String {
            switch self {
            case .notFrom(let action, let state):
                "Không thể \(action.label.lowercased()) báo cáo đang ở trạng thái \"\(state.label)\"."
            case .reasonMissing(let action): "Hãy ghi lý do \(action.label.lowercased()) báo cáo."
            case .reasonTooLong(let count): "Lý do dài \(count) ký tự, tối đa \(ReportWorkflow.reasonLimit)."
            case .ownApproval: "Người gửi báo cáo không tự duyệt báo cáo của mình; cấp trên duyệt."
            case .periodClosed(let day):
                "Kỳ báo cáo đã khóa sổ từ ngày \(day.vietnamese); hãy đề nghị cấp trên mở lại báo cáo."
            }
        }
    }

    /// The state an action leads to from `state`, by the state machine alone.
    public static func next(_ action: ReportAction, from state: ReportState) -> Result<ReportState, Refusal> {
        switch (action, state) {
        case (.save, .draft), (.save, .returned): .success(state)
        case (.submit, .draft), (.submit, .returned): .success(.submitted)
        case (.returnToUnit, .submitted): .success(.returned)
        case (.approve, .submitted): .success(.approved)
        case (.reopen, .approved), (.reopen, .submitted): .success(.draft)
        default: .failure(.notFrom(action, state))
        }
    }

    /// The unit saves or submits: refused once the period has closed unless the level above
    /// reopened it; a submission after the deadline is late.
    public static func enter(_ action: ReportAction, from state: ReportState, reopened: Bool, window: Window,
                             today: CivilDate) -> Result<(next: ReportState, late: Bool), Refusal> {
        precondition(action.isEntry)
        if window.isClosed(on: today), !reopened { return .failure(.periodClosed(closesOn: window.closesOn)) }
        return next(action, from: state).map { ($0, action == .submit && window.isLate(on: today)) }
    }

    /// The level above returns, approves or reopens: a return or a reopening needs a reason; the
    /// person who submitted never approves their own report.
    public static func decide(_ action: ReportAction, from state: ReportState, reason: String, decider: Int?,
                              submitter: Int?) -> Result<ReportState, Refusal> {
        precondition(!action.isEntry)
        let reason = reason.trimmed()
        if case .failure(let refusal) = next(action, from: state) { return .failure(refusal) }
        if action.needsReason, reason.isEmpty { return .failure(.reasonMissing(action)) }
        if reason.count > reasonLimit { return .failure(.reasonTooLong(reason.count)) }
        if action == .approve, let submitter, submitter == decider { return .failure(.ownApproval) }
        return next(action, from: state)
    }
}
