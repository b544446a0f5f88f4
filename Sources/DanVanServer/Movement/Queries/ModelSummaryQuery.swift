import DanVanCore
import DanVanDocuments
import Fluent
import SQLKit

/// The movement in figures for a subtree and a year: models by field, kind and status, how
/// many recognised, which units that must register have none, and last year's total, so the
/// review report and the targets need no figure typed by anyone.
struct ModelSummary: Sendable, Encodable {
    struct ExpectedUnit: Sendable, Encodable {
        let id: Int
        let code: String
        let name: String
        let registered: Int
        let recognised: Int
    }

    struct Replicated: Sendable, Encodable {
        let id: Int
        let name: String
        let unitName: String
        let copies: Int
    }

    let unitCode: String
    let unitName: String
    let year: Int
    let registered: Int
    let late: Int
    let returned: Int
    let byField: [String: Int]
    let byKind: [String: Int]
    let byStatus: [String: Int]
    /// Field → kind → models registered.
    let grid: [String: [String: Int]]
    let recognised: Int
    let exemplary: Int
    let proposedByLevel: [String: Int]
    let givenByLevel: [String: Int]
    let lastYear: Int
    let expected: [ExpectedUnit]
    let mostReplicated: [Replicated]
    /// Output figures of the year's progress notes, summed over the subtree.
    let outputs: Outputs

    struct Outputs: Sendable, Codable {
        let households: Int
        let roadMetres: Int
        let trees: Int
    }

    var unitsExpected: Int { expected.count }
    var withModel: [ExpectedUnit] { expected.filter { $0.registered > 0 } }
    var missing: [ExpectedUnit] { expected.filter { $0.registered == 0 } }
    var collective: Int { ModelKind.allCases.filter(\.isCollective).reduce(0) { $0 + (byKind[$1.rawValue] ?? 0) } }
    var individual: Int { byKind[ModelKind.individualExemplar.rawValue] ?? 0 }

    var unitCounts: [ModelTargetEvaluation.UnitCount] {
        expected.map { .init(name: $0.name, registered: $0.registered, recognised: $0.recognised) }
    }
}

enum ModelSummaryQuery {
    /// Party committees and cells, when no campaign says which units must register.
    static let defaultUnitKinds: [UnitKind] = [.partyCommittee, .partyCell]

    /// The summary kept per report generation (read with the session), for the pages.
    static func cached(unit: OrgUnit, year: Int, today: CivilDate, generation: Int?, in cache: GenerationCache<ModelSummary>,
                       on db: any Database) async throws -> ModelSummary {
        let key = "\(unit.requireID)|\(year)|\(today)"
        guard let generation else { return try await cache.value(for: key, on: db) { try await load(unit: unit, year: year, today: today, on: db) } }
        return try await cache.value(for: key, generation: generation) { try await load(unit: unit, year: year, today: today, on: db) }
    }

    static func load(unit: OrgUnit, year: Int, today: CivilDate, on db: any Database) async throws -> ModelSummary {
        let sql = try UnitClosure.sqlDatabase(db)
        let root = unit.requireID
        // The output figures ride on the grouped counts, so the scope is worked out once.
        let groups = try await sql.raw("""
            WITH \(ModelScope.cte(root: root)),
            outputs AS (SELECT model_id, SUM(households) AS households, SUM(road_metres) AS road, SUM(trees) AS trees
                        FROM model_notes GROUP BY model_id)
            SELECT m.year, m.field, m.kind, m.status, m.late, m.recognition_level, m.commendation_proposed, m.commendation_given, COUNT(*) AS n,
                   CAST(COALESCE(SUM(o.households), 0) AS BIGINT) AS households, CAST(COALESCE(SUM(o.road), 0) AS BIGINT) AS road,
                   CAST(COALESCE(SUM(o.trees), 0) AS BIGINT) AS trees
            FROM scope CROSS JOIN movement_models m LEFT JOIN outputs o ON o.model_id = m.id
            WHERE m.unit_id = scope.id AND m.year IN (\(bind: year), \(bind: year - 1))
            GROUP BY m.year, m.field, m.kind, m.status, m.late, m.recognition_level, m.commendation_proposed, m.commendation_given
            """).all()
        var byField: [String: Int] = [:], byKind: [String: Int] = [:], byStatus: [String: Int] = [:], grid: [String: [String: Int]] = [:]
        var proposed: [String: Int] = [:], given: [String: Int] = [:]
        var registered = 0, late = 0, returned = 0, recognised = 0, exemplary = 0, lastYear = 0
        var households = 0, roadMetres = 0, trees = 0
        for row in groups {
            let n = try row.decode(column: "n", as: Int.self)
            let status = ModelStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .registered
            if try row.decode(column: "year", as: Int.self) != year {
                if status.counts { lastYear += n }
                continue
            }
            byStatus[status.rawValue, default: 0] += n
            households += try row.decode(column: "households", as: Int.self)
            roadMetres += try row.decode(column: "road", as: Int.self)
            trees += try row.decode(column: "trees", as: Int.self)
            guard status.counts else { returned += n; continue }
            registered += n
            byField[try row.decode(column: "field", as: String.self), default: 0] += n
            byKind[try row.decode(column: "kind", as: String.self), default: 0] += n
            grid[try row.decode(column: "field", as: String.self), default: [:]][try row.decode(column: "kind", as: String.self), default: 0] += n
            if try row.decode(column: "late", as: Bool.self) { late += n }
            if status.isRecognised { recognised += n }
            if status == .exemplary { exemplary += n }
            let level = try row.decode(column: "recognition_level", as: String?.self) ?? "—"
            if try row.decode(column: "commendation_proposed", as: String?.self) != nil { proposed[level, default: 0] += n }
            if try row.decode(column: "commendation_given", as: String?.self) != nil { given[level, default: 0] += n }
        }
        return ModelSummary(unitCode: unit.code, unitName: unit.name, year: year, registered: registered, late: late, returned: returned,
                            byField: byField, byKind: byKind, byStatus: byStatus, grid: grid, recognised: recognised, exemplary: exemplary,
                            proposedByLevel: proposed, givenByLevel: given, lastYear: lastYear,
                            expected: try await expected(unit: unit, year: year, today: today, on: db),
                            mostReplicated: try await mostReplicated(root: root, year: year, on: sql),
                            outputs: .init(households: households, roadMetres: roadMetres, trees: trees))
    }

    /// The units below that must register (the campaign's unit kinds), active on the counting
    /// day (today within the year, else 31 December), each with its own models of the year.
    static func expected(unit: OrgUnit, year: Int, today: CivilDate, on db: any Database) async throws -> [ModelSummary.ExpectedUnit] {
        let sql = try UnitClosure.sqlDatabase(db)
        let counted = ModelStatus.allCases.filter(\.counts).map(\.rawValue)
        let campaign = try await ModelCampaigns.governing(unitID: unit.requireID, year: year, on: db)
        let kinds = (campaign?.unitKinds.isEmpty == false ? campaign?.unitKinds : nil) ?? defaultUnitKinds
        let day = (today.year == year ? today : CivilDate(year: year, month: 12, day: 31) ?? today).description
        // One LEFT JOIN and GROUP BY, as a bare query would: nested loops over the index for a
        // commune, a hash join for the country (correlated counts cost PostgreSQL 4x there).
        let rows = try await sql.raw("""
            SELECT u.id, u.code, u.name,
                   CAST(COALESCE(SUM(CASE WHEN m.status IN (\(binds: counted)) THEN 1 ELSE 0 END), 0) AS BIGINT) AS registered,
                   CAST(COALESCE(SUM(CASE WHEN m.status IN (\(binds: [ModelStatus.recognised.rawValue, ModelStatus.exemplary.rawValue])) THEN 1 ELSE 0 END), 0)
                        AS BIGINT) AS recognised
            FROM unit_closure c JOIN units u ON u.id = c.descendant_id
            LEFT JOIN movement_models m ON m.unit_id = u.id AND m.year = \(bind: year)
            WHERE c.ancestor_id = \(bind: unit.requireID) AND c.depth > 0 AND u.kind IN (\(binds: kinds.map(\.rawValue)))
              AND (u.valid_from IS NULL OR u.valid_from <= \(bind: day)) AND (u.valid_to IS NULL OR u.valid_to >= \(bind: day))
            GROUP BY u.id, u.code, u.name
            ORDER BY u.code
            """).all()
        return try rows.map { row in
            .init(id: try row.decode(column: "id", as: Int.self), code: try row.decode(column: "code", as: String.self),
                  name: try row.decode(column: "name", as: String.self), registered: try row.decode(column: "registered", as: Int.self),
                  recognised: try row.decode(column: "recognised", as: Int.self))
        }
    }

    /// Copies are few: each is checked against the subtree (or a predecessor's) by the closure
    /// table, rather than the whole scope being worked out again.
    private static func mostReplicated(root: Int, year: Int, on sql: any SQLDatabase) async throws -> [ModelSummary.Replicated] {
        try await sql.raw("""
            SELECT s.id, s.name, u.name AS unit_name, COUNT(DISTINCT c.unit_id) AS copies
            FROM movement_models c JOIN movement_models s ON s.id = c.replicated_from_id JOIN units u ON u.id = s.unit_id
            WHERE c.replicated_from_id IS NOT NULL AND c.year <= \(bind: year)
              AND (EXISTS (SELECT 1 FROM unit_closure x WHERE x.ancestor_id = \(bind: root) AND x.descendant_id = c.unit_id)
                   OR EXISTS (SELECT 1 FROM unit_successors p JOIN unit_closure a ON a.ancestor_id = p.unit_id AND a.descendant_id = c.unit_id
                              JOIN unit_closure b ON b.ancestor_id = \(bind: root) AND b.descendant_id = p.successor_id))
            GROUP BY s.id, s.name, u.name ORDER BY copies DESC, s.id LIMIT 3
            """).all().map { row in
            .init(id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
                  unitName: try row.decode(column: "unit_name", as: String.self), copies: try row.decode(column: "copies", as: Int.self))
        }
    }
}

extension ModelSummary {
    /// The figures as the review report writes them, fields and levels in a stable order.
    var reviewFigures: ReviewModelFigures {
        ReviewModelFigures(year: year, registered: registered, lastYear: lastYear, late: late, collective: collective, individual: individual,
                           byField: byField.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) },
                           recognised: recognised, exemplary: exemplary,
                           proposedByLevel: proposedByLevel.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                           givenByLevel: givenByLevel.sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                           mostReplicated: mostReplicated.map { .init(name: $0.name, unitName: $0.unitName, copies: $0.copies) },
                           unitsExpected: unitsExpected, unitsWithModel: withModel.count, missing: missing.map(\.name),
                           outputs: [("hộ tham gia, hiến đất", outputs.households), ("m đường", outputs.roadMetres), ("cây trồng", outputs.trees)]
                               .filter { $0.1 > 0 })
    }
}
