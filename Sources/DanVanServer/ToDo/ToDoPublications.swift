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
