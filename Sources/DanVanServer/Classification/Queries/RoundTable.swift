import DanVanCore
import Fluent
import SQLKit

/// A round as the level above reads it: every unit with its self and appraised points per group
/// and in total, its band, gate and state; the distribution by band, and last year's beside it.
struct RoundTable: Sendable {
    struct Line: Sendable {
        let sheetID: Int
        let unitID: Int
        let unitCode: String
        let unitName: String
        let state: SheetState
        let selfTotal: Points
        let appraisedTotal: Points?
        let label: String?
        let gated: Bool
        let submittedOn: CivilDate?
        /// Per group key: (self, appraised).
        let groups: [String: (own: Points, appraised: Points?)]
        /// Per scored criterion key: (self, appraised).
        let criteria: [String: (own: Points?, appraised: Points?)]
        let reason: String?

        var differs: Bool { appraisedTotal.map { $0 != selfTotal } ?? false }
    }

    let round: ClassificationRound
    let set: CriteriaSet
    let definition: CriteriaSetDefinition
    let unit: OrgUnit
    let lines: [Line]
    let lastYear: [String: Int]

    /// Count per label, in the band table's order from the best, then the gate's label.
    var distribution: [(label: String, count: Int)] {
        var counts: [String: Int] = [:]
        for line in lines { if let label = line.label { counts[label, default: 0] += 1 } }
        var labels = definition.bands.bands.reversed().map(\.label)
        if let gate = definition.closeGateLabel { labels.append(gate) }
        for label in counts.keys where !labels.contains(label) { labels.append(label) }
        return labels.map { ($0, counts[$0] ?? 0) }
    }

    static func load(_ roundID: Int, on db: any Database) async throws -> RoundTable {
        guard let round = try await ClassificationRound.find(roundID, on: db), let set = try await CriteriaSet.find(round.setID, on: db),
              let unit = try await OrgUnit.find(round.unitID, on: db) else {
            throw AppError.notFound("Không tìm thấy đợt xếp loại.")
        }
        let definition = try set.definition
        let sql = try UnitClosure.sqlDatabase(db)
        let sheetRows = try await sql.raw("""
            SELECT s.id, s.unit_id, u.code, u.name, s.state, s.self_total, s.appraised_total, s.label, s.gated, s.submitted_on, s.return_reason
            FROM classification_sheets s JOIN units u ON u.id = s.unit_id
            WHERE s.round_id = \(bind: roundID) ORDER BY u.name
            """).all()
        var own: [Int: [String: Points]] = [:]
        var appraised: [Int: [String: Points]] = [:]
        for row in try await sql.raw("""
            SELECT c.sheet_id, c.criterion_key, c.self_points, c.appraised_points
            FROM classification_scores c JOIN classification_sheets s ON s.id = c.sheet_id WHERE s.round_id = \(bind: roundID)
            """).all() {
            let sheet = try row.decode(column: "sheet_id", as: Int.self)
            let key = try row.decode(column: "criterion_key", as: String.self)
            if let points = try row.decode(column: "self_points", as: Int?.self) { own[sheet, default: [:]][key] = Points(hundredths: points) }
            if let points = try row.decode(column: "appraised_points", as: Int?.self) { appraised[sheet, default: [:]][key] = Points(hundredths: points) }
        }
        let lines = try sheetRows.map { row -> Line in
            let id = try row.decode(column: "id", as: Int.self)
            let state = SheetState(rawValue: try row.decode(column: "state", as: String.self)) ?? .draft
            let selfScores = own[id] ?? [:]
            var merged: [String: Points] = [:]
            for leaf in definition.leaves {
                if let points = appraised[id]?[leaf.key] ?? (leaf.scorer == .unit ? selfScores[leaf.key] : nil) { merged[leaf.key] = points }
            }
            let isAppraised = [.appraised, .published].contains(state)
            let selfTotals = CriteriaScoring.totals(definition, scores: selfScores).byRow
            let appraisedTotals = isAppraised ? CriteriaScoring.totals(definition, scores: merged).byRow : [:]
            let groups = Dictionary(uniqueKeysWithValues: definition.groups.map { group in
                (group.key, (own: selfTotals[group.key] ?? .zero, appraised: isAppraised ? appraisedTotals[group.key] : nil))
            })
            let criteria = Dictionary(uniqueKeysWithValues: definition.leaves.map { leaf in
                (leaf.key, (own: selfScores[leaf.key], appraised: isAppraised ? merged[leaf.key] : nil))
            })
            return Line(sheetID: id, unitID: try row.decode(column: "unit_id", as: Int.self), unitCode: try row.decode(column: "code", as: String.self),
                        unitName: try row.decode(column: "name", as: String.self), state: state,
                        selfTotal: Points(hundredths: try row.decode(column: "self_total", as: Int.self)),
                        appraisedTotal: try row.decode(column: "appraised_total", as: Int?.self).map(Points.init(hundredths:)),
                        label: try row.decode(column: "label", as: String?.self), gated: try row.decode(column: "gated", as: Bool.self),
                        submittedOn: try row.decode(column: "submitted_on", as: String?.self).flatMap(CivilDate.init(parsing:)),
                        groups: groups, criteria: criteria, reason: try row.decode(column: "return_reason", as: String?.self))
        }
        return RoundTable(round: round, set: set, definition: definition, unit: unit, lines: lines,
                          lastYear: try await lastYear(unitID: round.unitID, year: round.year - 1, on: sql))
    }

    /// A round for someone who may see the unit that opened it (that unit and every level above);
    /// the units it grades see their own sheets, not the round.
    static func visible(_ id: Int, by user: User, on db: any Database) async throws -> RoundTable {
        guard let round = try await ClassificationRound.find(id, on: db) else { throw AppError.notFound("Không tìm thấy đợt xếp loại.") }
        try await Authorizer.require(user, .viewUnit, onUnitID: round.unitID, db: db)
        return try await load(id, on: db)
    }

    private static func lastYear(unitID: Int, year: Int, on sql: any SQLDatabase) async throws -> [String: Int] {
        let rows = try await sql.raw("""
            SELECT s.label, COUNT(*) AS n FROM classification_sheets s JOIN classification_rounds r ON r.id = s.round_id
            WHERE r.unit_id = \(bind: unitID) AND r.year = \(bind: year) AND r.state = 'published' GROUP BY s.label
            """).all()
        return try rows.reduce(into: [:]) { $0[try $1.decode(column: "label", as: String?.self) ?? ""] = try $1.decode(column: "n", as: Int.self) }
    }
}
