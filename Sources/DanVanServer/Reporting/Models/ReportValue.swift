import DanVanCore

/// A row of report_values (see CreateReportValue), written and read through SQLKit.
struct ReportValue: Codable, Sendable {
    static let table = "report_values"

    var report_id: Int
    var unit_id: Int
    var year: Int
    var end_month: Int
    var indicator_id: Int
    var numerator: Int?
    var denominator: Int?
    var comment: String
    var stage: Int

    /// Which figures a roll-up counts: approved only, or submitted ones too.
    enum Stage: Int {
        case entered = 0
        case submitted = 1
        case approved = 2

        init(_ state: ReportState) {
            switch state {
            case .draft, .returned: self = .entered
            case .submitted: self = .submitted
            case .approved: self = .approved
            }
        }
    }
}
