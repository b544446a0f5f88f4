import DanVanCore
import Fluent
import SQLKit

/// Occurrences with their task, for the task lists: by lead unit, or by coordinating unit.
enum TaskQueries {
    struct Line: Encodable {
        let href: String
        let text: String
        let label: String
        let due: String
        let stateLabel: String
        let timelinessLabel: String
        let tone: String
        let lead: String
        let leadUnitID: Int?
        let timeliness: String
        let dueOn: String?
    }

    /// Occurrences of tasks led by (or, `coordinating`, coordinated by) any of `unitIDs`.
    static func lines(forUnits unitIDs: [Int], coordinating: Bool = false, today: CivilDate, on db: any Database) async throws -> [Line] {
        guard !unitIDs.isEmpty else { return [] }
        let sql = try UnitClosure.sqlDatabase(db)
        let query = sql.select()
            .column(SQLColumn("id", table: "o")).column(SQLColumn("label", table: "o")).column(SQLColumn("due_on", table: "o"))
            .column(SQLColumn("state", table: "o")).column(SQLColumn("done_on", table: "o"))
            .column(SQLColumn("text", table: "t")).column(SQLColumn("lead_unit_id", table: "t"))
            .from(SQLAlias(SQLIdentifier(TaskOccurrence.schema), as: SQLIdentifier("o")))
            .join(SQLAlias(SQLIdentifier(PlanTaskRecord.schema), as: SQLIdentifier("t")), on: SQLColumn("task_id", table: "o"), .equal, SQLColumn("id", table: "t"))
        if coordinating {
            query.join(SQLAlias(SQLIdentifier("task_coordinators"), as: SQLIdentifier("c")), on: SQLColumn("task_id", table: "c"), .equal, SQLColumn("id", table: "t"))
                .where(SQLColumn("unit_id", table: "c"), .in, SQLBind.group(unitIDs))
        } else {
            query.where(SQLColumn("lead_unit_id", table: "t"), .in, SQLBind.group(unitIDs))
        }
        let rows = try await query.orderBy(SQLColumn("due_on", table: "o")).limit(2000).all()
        let leadIDs = Set(try rows.compactMap { try $0.decode(column: "lead_unit_id", as: Int?.self) })
        let names = leadIDs.isEmpty ? [:] : try await OrgUnit.query(on: db).filter(\.$id ~~ Array(leadIDs)).all()
            .reduce(into: [Int: String]()) { $0[$1.requireID] = $1.name }
        return try rows.map { row in
            let state = OccurrenceState(rawValue: try row.decode(column: "state", as: String.self)) ?? .notStarted
            let dueOn = try row.decode(column: "due_on", as: String?.self)
            let due = dueOn.flatMap(CivilDate.init(parsing:))
            let timeliness = Timeliness.of(state: state, dueOn: due,
                                           doneOn: try row.decode(column: "done_on", as: String?.self).flatMap(CivilDate.init(parsing:)), today: today)
            let lead = try row.decode(column: "lead_unit_id", as: Int?.self)
            let text = try row.decode(column: "text", as: String.self)
            return Line(href: SiteRoute.occurrence(String(try row.decode(column: "id", as: Int.self))).path,
                        text: text.isShorter(than: 180) ? text : String(text.prefix(170)) + "…",
                        label: try row.decode(column: "label", as: String.self), due: due?.vietnamese ?? "Theo chỉ đạo",
                        stateLabel: state.label, timelinessLabel: timeliness.label, tone: TaskTone.of(state, timeliness),
                        lead: lead.flatMap { names[$0] } ?? "", leadUnitID: lead, timeliness: timeliness.rawValue, dueOn: dueOn)
        }
    }

    /// The unit and every unit below it.
    static func subtreeIDs(of unitID: Int, on db: any Database) async throws -> [Int] {
        try await UnitClosure.sqlDatabase(db).select().column("descendant_id").from("unit_closure").where("ancestor_id", .equal, unitID)
            .all().map { try $0.decode(column: "descendant_id", as: Int.self) }
    }
}
