import DanVanCore
import Fluent

/// The notices of a report's steps: a submission to those who approve it, a decision to the
/// unit's people. Called inside the step's transaction.
enum ReportNotices {
    static func submitted(_ report: Report, by actor: Actor, on tx: any Database) async throws {
        guard let unit = try await OrgUnit.find(report.unitID, on: tx), let period = report.reportPeriod else { return }
        let event = NotificationEvent(.reportSubmitted, unitID: unit.requireID,
                                      facts: [.unit(unit.name), .period(period.label), .person(official: actor.userID == nil ? "" : actor.displayName)],
                                      link: SiteRoute.report(unit.code).path + "?period=" + period.code,
                                      key: "report.submitted:\(report.requireID):\(report.version)")
        try await NotificationWriter.notify(event, to: .approversAbove(unit.requireID), on: tx)
    }

    static func decided(_ action: ReportAction, _ report: Report, reason: String, by actor: Actor, on tx: any Database) async throws {
        let kind: NotificationKind
        switch action {
        case .returnToUnit: kind = .reportReturned
        case .approve: kind = .reportApproved
        case .reopen: kind = .reportReopened
        default: return
        }
        guard let unit = try await OrgUnit.find(report.unitID, on: tx), let period = report.reportPeriod else { return }
        let event = NotificationEvent(kind, unitID: unit.requireID,
                                      facts: [.unit(unit.name), .period(period.label), .reason(reason), .person(official: actor.userID == nil ? "" : actor.displayName)],
                                      link: SiteRoute.report(unit.code).path + "?period=" + period.code,
                                      key: "\(kind.rawValue):\(report.requireID):\(report.version)")
        try await NotificationWriter.notify(event, to: .unitStaff(unit.requireID), on: tx)
    }
}
