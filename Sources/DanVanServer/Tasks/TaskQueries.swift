import DanVanCore
import Fluent
import SQLKit

/// Occurrences with their task, for the task lists and counts. Subtrees are joined through the
/// closure table, never passed as a list of ids (a province has too many units to bind).
enum TaskQueries {
    enum Scope {
        /// Tasks the unit leads.
        case ledBy(Int)
        /// Tasks the unit coordinates.
        case coordinatedBy(Int)
        /// Tasks led by the unit or any unit below it.
        case ledWithin(Int)
    }

    struct Line: Encodable {
        let href: String
        let text: String
        let label: String
        let due: String
        let stateLabel: String
        let timelinessLabel: String
        let tone: String
        let lead: String
        let timeliness: String
        let dueOn: String?
    }

    /// The scope's occurrences by due date, at most `limit`; `overdueOnly` keeps those past due
    /// and not finished.
    static func lines(_ scope: Scope, overdueOnly: Bool = false, year: Int? = nil, today: CivilDate, limit: Int = 1000,
                      on db: any Database) async throws -> [Line] {
        let query = try select(scope, on: db)
            .column(SQLColumn("id", table: "o")).column(SQLColumn("label", table: "o")).column(SQLColumn("text", table: "t"))
        if let year {
            query.where(SQLColumn("due_on", table: "o"), .greaterThanOrEqual, SQLBind("\(year)-01-01"))
                .where(SQLColumn("due_on", table: "o"), .lessThanOrEqual, SQLBind("\(year)-12-31"))
        }
        if overdueOnly {
            query.where(SQLColumn("state", table: "o"), .notIn, SQLBind.group([OccurrenceState.done.rawValue, OccurrenceState.cannotDo.rawValue]))
                .where(SQLColumn("due_on", table: "o"), .lessThan, SQLBind(today.description))
        }
        let rows = try await query.orderBy(SQLColumn("due_on", table: "o")).limit(limit).all()
        let names = try await leadNames(try rows.compactMap { try $0.decode(column: "lead_unit_id", as: Int?.self) }, on: db)
        return try rows.map { row in
            let (state, due, timeliness) = try status(row, today: today)
            let lead = try row.decode(column: "lead_unit_id", as: Int?.self)
            let text = try row.decode(column: "text", as: String.self)
            return Line(href: SiteRoute.occurrence(try row.decode(column: "id", as: Int.self)).path,
                        text: text.isShorter(than: 180) ? text : String(text.prefix(170)) + "…",
                        label: try row.decode(column: "label", as: String.self), due: due?.vietnamese ?? "Theo chỉ đạo",
                        stateLabel: state.label, timelinessLabel: timeliness.label, tone: TaskTone.of(state, timeliness),
                        lead: lead.flatMap { names[$0] } ?? "", timeliness: timeliness.rawValue, dueOn: due?.description)
        }
    }

    /// How many of the scope's occurrences stand how, by lead unit: every occurrence counted,
    /// reading only the four columns that decide it.
    static func timelinessCounts(_ scope: Scope, today: CivilDate, on db: any Database) async throws -> [String: [Timeliness: Int]] {
        let rows = try await select(scope, on: db).all()
        let names = try await leadNames(try rows.compactMap { try $0.decode(column: "lead_unit_id", as: Int?.self) }, on: db)
        var counts: [String: [Timeliness: Int]] = [:]
        for row in rows {
            let lead = try row.decode(column: "lead_unit_id", as: Int?.self).flatMap { names[$0] } ?? ""
            counts[lead, default: [:]][try status(row, today: today).timeliness, default: 0] += 1
        }
        return counts
    }

    private static func select(_ scope: Scope, on db: any Database) throws -> SQLSelectBuilder {
        let query = try UnitClosure.sqlDatabase(db).select()
            .column(SQLColumn("due_on", table: "o")).column(SQLColumn("state", table: "o")).column(SQLColumn("done_on", table: "o"))
            .column(SQLColumn("lead_unit_id", table: "t"))
            .from(SQLAlias(SQLIdentifier(TaskOccurrence.schema), as: SQLIdentifier("o")))
            .join(SQLAlias(SQLIdentifier(PlanTaskRecord.schema), as: SQLIdentifier("t")), on: SQLColumn("task_id", table: "o"), .equal, SQLColumn("id", table: "t"))
        switch scope {
        case .ledBy(let unitID):
            query.where(SQLColumn("lead_unit_id", table: "t"), .equal, SQLBind(unitID))
        case .coordinatedBy(let unitID):
            query.join(SQLAlias(SQLIdentifier("task_coordinators"), as: SQLIdentifier("c")), on: SQLColumn("task_id", table: "c"), .equal, SQLColumn("id", table: "t"))
                .where(SQLColumn("unit_id", table: "c"), .equal, SQLBind(unitID))
        case .ledWithin(let unitID):
            query.join(SQLAlias(SQLIdentifier("unit_closure"), as: SQLIdentifier("u")), on: SQLColumn("descendant_id", table: "u"), .equal, SQLColumn("lead_unit_id", table: "t"))
                .where(SQLColumn("ancestor_id", table: "u"), .equal, SQLBind(unitID))
        }
        return query
    }

    private static func status(_ row: any SQLRow, today: CivilDate) throws -> (state: OccurrenceState, due: CivilDate?, timeliness: Timeliness) {
        let state = OccurrenceState(rawValue: try row.decode(column: "state", as: String.self)) ?? .notStarted
        let due = try row.decode(column: "due_on", as: String?.self).flatMap(CivilDate.init(parsing:))
        let done = try row.decode(column: "done_on", as: String?.self).flatMap(CivilDate.init(parsing:))
        return (state, due, Timeliness.of(state: state, dueOn: due, doneOn: done, today: today))
    }

    private static func leadNames(_ ids: [Int], on db: any Database) async throws -> [Int: String] {
        let unique = Array(Set(ids))
        guard !unique.isEmpty else { return [:] }
        return try await OrgUnit.query(on: db).filter(\.$id ~~ unique).all().reduce(into: [Int: String]()) { $0[$1.requireID] = $1.name }
    }
}
