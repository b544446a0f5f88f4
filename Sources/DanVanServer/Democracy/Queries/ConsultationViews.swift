import DanVanCore
import Fluent
import Foundation

/// A matter put to the people as pages and the API show it: the kind, the village, the period and
/// whether it was shorter than the rule, the count and the verdict, the result's publication.
struct ConsultationLine: Codable, Sendable {
    let id: Int
    let version: Int
    let unitCode: String
    let kind: String
    let kindLabel: String
    let village: String?
    let subject: String
    let startsOn: String
    let endsOn: String?
    let span: String
    let short: String?
    let count: String?
    let outcome: String?
    let passed: Bool?
    let minutes: String?
    let resultPublishedOn: String?
    let publishAction: String?

    /// The matters of the units under `root` (or of `root` alone), newest first; `published` keeps
    /// those whose result was published.
    static func lines(under root: OrgUnit, year: Int?, ownOnly: Bool = false, publishedOnly: Bool = false, canManage: Bool,
                      on db: any Database) async throws -> [ConsultationLine] {
        let ids = ownOnly ? [root.requireID] : try await UnitQueries.subtree(of: [root.requireID], maxDepth: 2, on: db).map(\.requireID)
        var query = Consultation.query(on: db).filter(\.$unitID ~~ ids)
        if let year { query = query.filter(\.$startsOn >= "\(year)-01-01").filter(\.$startsOn <= "\(year)-12-31") }
        if publishedOnly { query = query.filter(\.$resultPublishedOn != nil) }
        let records = try await query.sort(\.$startsOn, .descending).sort(\.$id, .descending).limit(200).all()
        guard !records.isEmpty else { return [] }
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ Array(Set(records.map(\.unitID) + records.compactMap(\.villageID)))).all()
        let byID = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0) })
        let rules = try await ConsultationRules.load(on: db)
        var ancestors: [Int: Set<Int>] = [:]
        var lines: [ConsultationLine] = []
        for record in records {
            if ancestors[record.unitID] == nil { ancestors[record.unitID] = Set(try await UnitClosure.ancestorIDs(of: record.unitID, on: db)) }
            let rule = ConsultationRules.choose(rules, ancestors: ancestors[record.unitID] ?? [], on: record.starts)
            lines.append(line(record, rule: rule, unitCode: byID[record.unitID]?.code ?? "", village: record.villageID.flatMap { byID[$0]?.name },
                              canManage: canManage))
        }
        return lines
    }

    static func line(_ c: Consultation, rule: ConsultationRule, unitCode: String, village: String?, canManage: Bool) -> ConsultationLine {
        let days = c.ends.map { ConsultationRule.days(from: c.starts, to: $0) }
        let short = c.kind == .consultation && (days ?? rule.minDays) < rule.minDays
            ? "\(days ?? 0) ngày, ít hơn \(rule.minDays) ngày theo quy định" + (c.shortReason.map { "; lý do: \($0)" } ?? "") : nil
        var count: String?
        if let households = c.households {
            count = "\(c.participants.map { "\($0)/" } ?? "")\(households) hộ tham gia; \(c.votesFor ?? 0) tán thành, \(c.votesAgainst ?? 0) không tán thành, \(c.votesAbstain ?? 0) không ý kiến"
        }
        let passed: Bool? = c.outcome.isEmpty ? nil : c.outcome == "passed"
        let outcome = passed.map { ok in
            (ok ? "Được thông qua" : "Không được thông qua") + " (\(c.votesFor ?? 0)/\(c.households ?? 0) hộ tán thành; cần hơn \(rule.passPercent)% số hộ)"
        }
        return ConsultationLine(
            id: c.requireID, version: c.version, unitCode: unitCode, kind: c.kindRaw, kindLabel: c.kind.label, village: village, subject: c.subject,
            startsOn: c.startsOn, endsOn: c.endsOn, span: c.starts.vietnamese + (c.ends.map { " – \($0.vietnamese)" } ?? "") + (days.map { " (\($0) ngày)" } ?? ""),
            short: short, count: count, outcome: outcome, passed: passed, minutes: c.minutes.isEmpty ? nil : c.minutes,
            resultPublishedOn: c.resultPublishedOn.flatMap(CivilDate.init(parsing:))?.vietnamese,
            publishAction: canManage && c.resultPublishedOn == nil ? SiteRoute.consultationPublish(c.requireID).path : nil)
    }
}
