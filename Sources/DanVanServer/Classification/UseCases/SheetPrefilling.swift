import DanVanCore
import Fluent
import SQLKit

/// Pre-fills every sheet of a round that the unit may still change, from the sources its set's
/// criteria are bound to: the measured points and figures are kept beside the self score, and
/// become the self score unless the unit has overridden it with a reason. Sources measure the
/// whole round at once; scores are written in batches.
enum SheetPrefilling {
    static let batch = 400

    struct Row: Sendable {
        let sheetID: Int
        let key: String
        /// nil when DanVan has nothing to measure: the unit scores the criterion itself.
        let points: Points?
        let figures: String
    }

    @discardableResult
    static func prefill(roundID: Int, asOf: CivilDate, onlySheet: Int? = nil, on db: any Database) async throws -> Int {
        guard let round = try await ClassificationRound.find(roundID, on: db), let set = try await CriteriaSet.find(round.setID, on: db) else { return 0 }
        let definition = try set.definition
        let bound = definition.leaves.filter { $0.binding != nil && $0.scorer == .unit }
        guard !bound.isEmpty else { return 0 }
        var sheets = try await ClassificationSheet.query(on: db).filter(\.$roundID == roundID)
            .filter(\.$stateRaw ~~ [SheetState.draft.rawValue, SheetState.returned.rawValue]).all()
        if let onlySheet { sheets = sheets.filter { $0.requireID == onlySheet } }
        guard !sheets.isEmpty else { return 0 }
        let scope = PrefillScope(roundID: roundID, year: round.year, asOf: min(asOf, CivilDate(year: round.year, month: 12, day: 31) ?? asOf))
        var measured: [String: [Int: PrefillMeasure]] = [:]
        for key in Set(bound.compactMap(\.binding)) {
            measured[key] = try await PrefillSources.source(key)?.measure(scope, on: db) ?? [:]
        }
        var rows: [Row] = []
        for sheet in sheets {
            for leaf in bound {
                guard let binding = leaf.binding else { continue }
                let measure = measured[binding]?[sheet.unitID]
                    ?? PrefillMeasure(numerator: 0, denominator: 0, figures: "Chưa có số liệu trong DanVan")
                let points = measure.denominator > 0
                    ? Points.share(of: leaf.maxPoints, numerator: measure.numerator, denominator: measure.denominator) : nil
                rows.append(Row(sheetID: sheet.requireID, key: leaf.key, points: points, figures: measure.figures))
            }
        }
        let sql = try UnitClosure.sqlDatabase(db)
        for start in stride(from: 0, to: rows.count, by: batch) {
            try await upsert(Array(rows[start..<min(start + batch, rows.count)]), on: sql)
        }
        try await SheetTotals.refresh(sheetIDs: sheets.map(\.requireID), definition: definition, on: db)
        return rows.count
    }

    /// One statement per batch; a score the unit overrode (with a reason) keeps its points, and
    /// so does one DanVan now has nothing to measure for.
    private static func upsert(_ rows: [Row], on sql: any SQLDatabase) async throws {
        let values = rows.map { row in
            "(\(bind: row.sheetID), \(bind: row.key), \(bind: row.points?.hundredths), '', \(bind: row.points?.hundredths), \(bind: row.figures))" as SQLQueryString
        }
        try await sql.raw("""
            INSERT INTO classification_scores (sheet_id, criterion_key, self_points, self_note, prefill_points, prefill_figures)
            VALUES \(values.joined(separator: ", "))
            ON CONFLICT (sheet_id, criterion_key) DO UPDATE SET
                prefill_points = excluded.prefill_points, prefill_figures = excluded.prefill_figures,
                self_points = CASE WHEN classification_scores.override_reason IS NULL OR classification_scores.override_reason = ''
                                   THEN COALESCE(excluded.self_points, classification_scores.self_points) ELSE classification_scores.self_points END
            """).run()
    }
}

/// Sheets' self totals worked out again from their stored scores, in batches.
enum SheetTotals {
    static func refresh(sheetIDs: [Int], definition: CriteriaSetDefinition, on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        for start in stride(from: 0, to: sheetIDs.count, by: SheetPrefilling.batch) {
            let ids = Array(sheetIDs[start..<min(start + SheetPrefilling.batch, sheetIDs.count)])
            var scores: [Int: [String: Points]] = [:]
            for row in try await sql.raw("""
                SELECT sheet_id, criterion_key, self_points FROM classification_scores WHERE sheet_id IN (\(binds: ids)) AND self_points IS NOT NULL
                """).all() {
                scores[try row.decode(column: "sheet_id", as: Int.self), default: [:]][try row.decode(column: "criterion_key", as: String.self)] =
                    Points(hundredths: try row.decode(column: "self_points", as: Int.self))
            }
            let cases = ids.map { id in
                "WHEN \(bind: id) THEN \(bind: CriteriaScoring.totals(definition, scores: scores[id] ?? [:]).total.hundredths)" as SQLQueryString
            }
            try await sql.raw("""
                UPDATE classification_sheets SET self_total = CASE id \(cases.joined(separator: " ")) END WHERE id IN (\(binds: ids))
                """).run()
        }
    }
}
