import DanVanCore
import Fluent
import SQLKit

/// The register of a subtree for a year, filtered by field, kind, status, recognition level
/// and unit, a page at a time, with how often each model was replicated. The CROSS JOIN keeps
/// SQLite starting from the subtree rather than from the whole year's models.
enum ModelRegisterQuery {
    struct Filter: Sendable, Equatable {
        var year: Int
        var field: String?
        var kind: ModelKind?
        var status: ModelStatus?
        var level: String?
        var search: String?
    }

    struct Row: Sendable, Codable {
        let id: Int
        let name: String
        let unitCode: String
        let unitName: String
        let field: String
        let subtheme: String
        let kind: ModelKind
        let personName: String
        let year: Int
        let status: ModelStatus
        let late: Bool
        let replicatedFromID: Int?
        let carriedFromID: Int?
        let level: String?
        let decisionNumber: String?
        let decisionDate: String?
        let commendationProposed: String?
        let commendationGiven: String?
        let replications: Int
    }

    static let pageSize = 100

    static func rows(root: Int, _ filter: Filter, offset: Int = 0, limit: Int = pageSize, on db: any Database) async throws -> [Row] {
        let sql = try UnitClosure.sqlDatabase(db)
        var conditions: [SQLQueryString] = ["m.year = \(bind: filter.year)"]
        if let field = filter.field { conditions.append("m.field = \(bind: field)") }
        if let kind = filter.kind { conditions.append("m.kind = \(bind: kind.rawValue)") }
        if let status = filter.status { conditions.append("m.status = \(bind: status.rawValue)") }
        if let level = filter.level { conditions.append("m.recognition_level = \(bind: level)") }
        if let search = filter.search.map(VietnameseFolding.fold), !search.isEmpty {
            conditions.append("m.name_key LIKE \(bind: "%" + UnitQueries.escapeLike(search) + "%") ESCAPE '\\'")
        }
        let rows = try await sql.raw("""
            WITH \(ModelScope.cte(root: root))
            SELECT m.id, m.name, u.code, u.name AS unit_name, m.field, m.subtheme, m.kind, m.person_name, m.year, m.status, m.late,
                   m.replicated_from_id, m.carried_from_id, m.recognition_level, m.decision_number, m.decision_date,
                   m.commendation_proposed, m.commendation_given,
                   (SELECT COUNT(DISTINCT r.unit_id) FROM movement_models r WHERE r.replicated_from_id = m.id) AS replications
            FROM scope CROSS JOIN movement_models m JOIN units u ON u.id = m.unit_id
            WHERE m.unit_id = scope.id AND \(conditions.joined(separator: " AND "))
            ORDER BY u.code, m.name_key, m.id
            LIMIT \(unsafeRaw: String(limit)) OFFSET \(unsafeRaw: String(max(0, offset)))
            """).all()
        return try rows.map(row)
    }

    static func row(_ row: any SQLRow) throws -> Row {
        Row(id: try row.decode(column: "id", as: Int.self), name: try row.decode(column: "name", as: String.self),
            unitCode: try row.decode(column: "code", as: String.self), unitName: try row.decode(column: "unit_name", as: String.self),
            field: try row.decode(column: "field", as: String.self), subtheme: try row.decode(column: "subtheme", as: String.self),
            kind: ModelKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .collectiveModel,
            personName: try row.decode(column: "person_name", as: String.self), year: try row.decode(column: "year", as: Int.self),
            status: ModelStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .registered,
            late: try row.decode(column: "late", as: Bool.self),
            replicatedFromID: try row.decode(column: "replicated_from_id", as: Int?.self),
            carriedFromID: try row.decode(column: "carried_from_id", as: Int?.self),
            level: try row.decode(column: "recognition_level", as: String?.self),
            decisionNumber: try row.decode(column: "decision_number", as: String?.self),
            decisionDate: try row.decode(column: "decision_date", as: String?.self),
            commendationProposed: try row.decode(column: "commendation_proposed", as: String?.self),
            commendationGiven: try row.decode(column: "commendation_given", as: String?.self),
            replications: try row.decode(column: "replications", as: Int.self))
    }
}
