import DanVanCore
import Fluent
import SQLKit

/// Inspections and requirements over a subtree: what a unit's inspections found, what its
/// units must fix, and the year's figures for the review report.
enum InspectionQueries {
    struct RequirementRow: Decodable, Sendable {
        let id: Int
        let inspection_id: Int
        let inspection_title: String
        let unit_code: String
        let unit_name: String
        let text: String
        let due_on: String
        let state: String
        let fixed_on: String?
        let version: Int

        var requirementState: RequirementState { RequirementState(rawValue: state) ?? .open }

        func timeliness(today: CivilDate) -> CaseTimeliness? {
            requirementState.timeliness(due: CivilDate(parsing: due_on), fixedOn: fixed_on.flatMap(CivilDate.init(parsing:)), today: today)
        }
    }

    /// The inspections units of the subtree made, starting in the year, newest first.
    static func inspections(by rootID: Int, year: Int?, on db: any Database) async throws -> [Inspection] {
        let sql = try UnitClosure.sqlDatabase(db)
        let ids = try await sql.raw("""
            SELECT i.id AS id FROM inspections i JOIN unit_closure c ON c.descendant_id = i.unit_id AND c.ancestor_id = \(bind: rootID)
            WHERE \(bind: year ?? 0) = 0 OR (i.starts_on >= \(bind: "\(year ?? 0)-01-01") AND i.starts_on <= \(bind: "\(year ?? 0)-12-31"))
            """).all().map { try $0.decode(column: "id", as: Int.self) }
        return ids.isEmpty ? [] : try await Inspection.query(on: db).filter(\.$id ~~ ids).sort(\.$startsOn, .descending).sort(\.$id).all()
    }

    /// The inspections of units in the subtree (as inspected units) made by units outside it, in the year.
    static func inspections(of rootID: Int, year: Int, on db: any Database) async throws -> [Inspection] {
        let ids = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT DISTINCT i.id AS id FROM inspections i JOIN inspection_subjects s ON s.inspection_id = i.id
            JOIN unit_closure c ON c.descendant_id = s.unit_id AND c.ancestor_id = \(bind: rootID)
            WHERE i.starts_on >= \(bind: "\(year)-01-01") AND i.starts_on <= \(bind: "\(year)-12-31")
              AND NOT EXISTS (SELECT 1 FROM unit_closure o WHERE o.ancestor_id = \(bind: rootID) AND o.descendant_id = i.unit_id)
            """).all().map { try $0.decode(column: "id", as: Int.self) }
        return ids.isEmpty ? [] : try await Inspection.query(on: db).filter(\.$id ~~ ids).sort(\.$startsOn, .descending).sort(\.$id).all()
    }

    private static let requirementColumns = """
        SELECT r.id AS id, r.inspection_id AS inspection_id, i.title AS inspection_title, u.code AS unit_code, u.name AS unit_name,
               r.text AS text, r.due_on AS due_on, r.state AS state, r.fixed_on AS fixed_on, r.version AS version
        FROM inspection_requirements r JOIN inspections i ON i.id = r.inspection_id JOIN units u ON u.id = r.unit_id
        """

    /// Requirements the subtree's units must fix (open only, or all), by due date.
    static func requirements(of rootID: Int, openOnly: Bool, on db: any Database) async throws -> [RequirementRow] {
        try await UnitClosure.sqlDatabase(db).raw("""
            \(unsafeRaw: requirementColumns)
            JOIN unit_closure c ON c.descendant_id = r.unit_id AND c.ancestor_id = \(bind: rootID)
            WHERE r.state IN (\(binds: states(openOnly))) ORDER BY r.due_on, r.id LIMIT 500
            """).all(decoding: RequirementRow.self)
    }

    /// The open requirements one unit itself must fix: its share of the tasks page.
    static func requirements(owedBy unitID: Int, on db: any Database) async throws -> [RequirementRow] {
        try await UnitClosure.sqlDatabase(db).raw("""
            \(unsafeRaw: requirementColumns)
            WHERE r.unit_id = \(bind: unitID) AND r.state IN (\(binds: states(true))) ORDER BY r.due_on, r.id
            """).all(decoding: RequirementRow.self)
    }

    /// Requirements of one inspection, in their order.
    static func requirements(ofInspection id: Int, on db: any Database) async throws -> [RequirementRow] {
        try await UnitClosure.sqlDatabase(db).raw("""
            \(unsafeRaw: requirementColumns)
            WHERE r.inspection_id = \(bind: id) ORDER BY r.position
            """).all(decoding: RequirementRow.self)
    }

    private static func states(_ openOnly: Bool) -> [String] {
        (openOnly ? RequirementState.allCases.filter(\.isOpen) : RequirementState.allCases).map(\.rawValue)
    }

    /// The year's inspection figures of a subtree, as the review report gives them.
    struct Summary: Sendable, Equatable {
        var byKind: [InspectionKind: Int] = [:]
        var unitsInspected = 0
        var findings: [FindingType: Int] = [:]
        var requirements = TimelinessCounts()
        var closedWithReason = 0
        var planned = 0
    }

    static func summary(of rootID: Int, year: Int, today: CivilDate, on db: any Database) async throws -> Summary {
        // As of `today`: an inspection not yet begun is not counted, one not yet concluded is under way.
        let inspections = try await inspections(by: rootID, year: year, on: db).filter { $0.startsOn <= today.description }
        var summary = Summary()
        guard !inspections.isEmpty else { return summary }
        let ids = inspections.map(\.requireID)
        for inspection in inspections {
            if let concluded = inspection.concluded, concluded <= today { summary.byKind[inspection.kind, default: 0] += 1 } else { summary.planned += 1 }
        }
        let sql = try UnitClosure.sqlDatabase(db)
        let concluded = inspections.filter { $0.concluded.map { $0 <= today } ?? false }.map(\.requireID)
        if !concluded.isEmpty {
            summary.unitsInspected = try await sql.raw("SELECT CAST(COUNT(DISTINCT unit_id) AS BIGINT) AS n FROM inspection_subjects WHERE inspection_id IN (\(binds: concluded))")
                .first()?.decode(column: "n", as: Int.self) ?? 0
        }
        for finding in try await InspectionFinding.query(on: db).filter(\.$inspectionID ~~ ids).all() { summary.findings[finding.type, default: 0] += 1 }
        for requirement in try await InspectionRequirement.query(on: db).filter(\.$inspectionID ~~ ids).all() {
            guard let timeliness = requirement.timeliness(today: today) else { summary.closedWithReason += 1; continue }
            summary.requirements.add(timeliness)
        }
        return summary
    }
}
