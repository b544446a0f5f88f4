import DanVanCore
import Fluent
import Foundation

/// What happened to a report, from the audit log: each submission, return, approval and
/// reopening with who, when and why; and the figures as they stood when it was last returned,
/// so the approver sees what the unit changed since.
enum ReportHistory {
    struct Step: Encodable {
        let at: String
        let who: String
        let action: String
        let reason: String?
    }

    struct Result {
        let steps: [Step]
        /// Indicator id → the figure shown when the report was last returned; nil if never returned.
        let figuresAtReturn: [Int: String]?
    }

    static let shownActions: Set<ReportAction> = [.submit, .returnToUnit, .approve, .reopen]

    static func load(reportID: Int, on db: any Database) async throws -> Result {
        let entries = try await AuditEntry.query(on: db).filter(\.$entityType == "report").filter(\.$entityKey == "#\(reportID)")
            .sort(\.$at).sort(\.$id).all()
        let actorIDs = Array(Set(entries.compactMap(\.actorID)))
        let names = actorIDs.isEmpty ? [:] : Dictionary(try await User.query(on: db).filter(\.$id ~~ actorIDs).all()
            .map { ($0.requireID, $0.fullName) }, uniquingKeysWith: { first, _ in first })
        var steps: [Step] = []
        var atReturn: [Int: String]?
        for entry in entries {
            guard let action = ReportAction(rawValue: String(entry.action.dropFirst("report.".count))), shownActions.contains(action) else { continue }
            let after = entry.afterJSON.flatMap { try? JSONDecoder().decode([String: String].self, from: Data($0.utf8)) } ?? [:]
            steps.append(Step(at: TaskTone.format(entry.at), who: entry.actorID.flatMap { names[$0] } ?? entry.actorName,
                              action: action.label, reason: after["reason"].flatMap { $0.isEmpty ? nil : $0 }))
            if action == .returnToUnit { atReturn = after["figures"].map(parse) }
        }
        return Result(steps: steps, figuresAtReturn: atReturn)
    }

    /// "12=17/20;13=2" → [12: "17/20", 13: "2"], as `snapshot` writes it.
    static func snapshot(_ values: [Int: ReportValue]) -> String {
        values.keys.sorted().compactMap { id in values[id].map { "\(id)=\(shown($0))" } }.joined(separator: ";")
    }

    static func shown(_ value: ReportValue) -> String {
        guard let numerator = value.numerator else { return "" }
        return value.denominator.map { "\(numerator)/\($0)" } ?? String(numerator)
    }

    private static func parse(_ text: String) -> [Int: String] {
        var figures: [Int: String] = [:]
        for pair in text.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            if parts.count == 2, let id = Int(parts[0]) { figures[id] = String(parts[1]) }
        }
        return figures
    }
}
