import DanVanCore
import Fluent

/// What a commune still owes its people on the to-do page: items of the statutory list overdue
/// or due within two weeks, with the article that requires them.
enum ToDoPublications {
    /// The ten latest (the oldest debts are on the register page), and how many there are.
    static func owed(by unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> (items: [ToDoItem], total: Int) {
        let horizon = today.adding(days: 14)
        let owed = try await PublicationRegister.obligations(of: unit, on: today, db: db).filter { $0.state.isOwed && $0.dueOn <= horizon }
        let items = owed.suffix(10).map { obligation in
            ToDoItem(.publication, what: "Công khai: \(obligation.rule.title) – \(obligation.period.label)", forWhom: unit.name, due: obligation.dueOn,
                     note: obligation.rule.article, href: SiteRoute.publications.path + "?unit=\(unit.code)#ghi", urgency: .of(due: obligation.dueOn, today: today))
        }
        return (Array(items), owed.count)
    }
}

/// Oversight boards' recommendations on the to-do page: those addressed to the unit that are
/// overdue or due within two weeks, and those answered and waiting for the commune's word.
enum ToDoRecommendations {
    static func own(_ unit: OrgUnit, today: CivilDate, on db: any Database) async throws -> [ToDoItem] {
        let horizon = today.adding(days: 14).description
        let open = try await BoardRecommendation.query(on: db).filter(\.$unitID == unit.requireID).filter(\.$stateRaw == RequirementState.open.rawValue)
            .filter(\.$dueOn <= horizon).sort(\.$dueOn).limit(10).all()
        var items = open.map { row in
            ToDoItem(.publication, what: "Trả lời kiến nghị của ban giám sát: \(row.text)", forWhom: unit.name, due: row.due,
                     note: row.timeliness(today: today)?.label, href: SiteRoute.publications.path + "?unit=\(unit.code)#ban-giam-sat",
                     urgency: .of(due: row.due, today: today))
        }
        // The unit's own boards and its villages' (a board's commune is its place, or the village's parent).
        let places = [unit.requireID] + (try await UnitQueries.children(of: unit.requireID, on: db)).filter { $0.unitKind == .village }.map(\.requireID)
        let mine = try await OversightBoard.query(on: db).filter(\.$unitID ~~ places).all().map(\.requireID)
        if !mine.isEmpty {
            let answered = try await BoardRecommendation.query(on: db).filter(\.$boardID ~~ mine).filter(\.$stateRaw == RequirementState.reported.rawValue)
                .sort(\.$dueOn).limit(10).all()
            items += answered.map { row in
                ToDoItem(.publication, what: "Xác nhận kết quả giải quyết kiến nghị: \(row.text)", forWhom: unit.name, due: nil,
                         note: "Đã trả lời ngày \(row.answeredOn.flatMap(CivilDate.init(parsing:))?.vietnamese ?? "")",
                         href: SiteRoute.publications.path + "?unit=\(unit.code)#ban-giam-sat", urgency: .of(due: nil, today: today, waiting: true))
            }
        }
        return items
    }
}
