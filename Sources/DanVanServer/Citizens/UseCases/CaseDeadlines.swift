import DanVanCore
import Fluent

/// The rules and calendar held in the database, read once per action, and the due dates a
/// case's steps get from them.
struct CaseDeadlines: Sendable {
    let rules: [DeadlineRule]
    let calendar: WorkCalendar

    static func load(on db: any Database) async throws -> CaseDeadlines {
        CaseDeadlines(rules: try await CitizenRules.deadlineRules(on: db), calendar: try await CitizenRules.calendar(on: db))
    }

    /// The first limit after receipt: telling the citizen, or accepting / the initial handling where
    /// that comes sooner.
    func afterReceipt(of kind: CaseKind, on received: CivilDate, given circumstances: DeadlineRule.Circumstances)
        -> (rule: DeadlineRule, due: CivilDate)? {
        [DeadlineRule.Stage.notify, .accept]
            .compactMap { DeadlineRuleTable.rule(for: kind, stage: $0, on: received, in: rules) }
            .map { ($0, $0.due(from: received, given: circumstances, calendar: calendar)) }
            .min { $0.1 < $1.1 }
    }

    /// The limit to resolve, from acceptance, with the extensions granted so far.
    func resolve(_ kind: CaseKind, secondRound: Bool, acceptedOn: CivilDate, given circumstances: DeadlineRule.Circumstances,
                 extensions: Int) -> (rule: DeadlineRule, due: CivilDate)? {
        guard let rule = DeadlineRuleTable.rule(for: kind, stage: .resolve, secondRound: secondRound, on: acceptedOn, in: rules) else { return nil }
        return (rule, rule.due(from: acceptedOn, given: circumstances, extensions: extensions, calendar: calendar))
    }
}
