import DanVanCore
import Fluent
import Foundation

/// The demo as of the day it is loaded (`Today.date`, pinned by `--today`): this year's
/// programme of the Provincial Party Committee, issued in December; the communes' plans
/// derived from it in January (two issued, one still a draft); tasks followed month by month up
/// to today (most done on time, some late, one overdue with a reminder, one that could not be
/// done, this month's under way); and monthly reports through last month (earlier months
/// approved, last month in motion: approved, waiting, returned, late, missing). The same day
/// gives the same demo.
enum CurrentYearDemo {
    static func load(today: CivilDate, evidence: EvidenceStore, on db: any Database) async throws {
        let people = try await DemoPeople.load(on: db)
        let plans = try await CurrentYearPlans.load(year: today.year, people: people, on: db)
        try await CurrentYearTasks.follow(planIDs: plans.followed, today: today, people: people, on: db)
        try await CurrentYearReports.load(programme: plans.programme, today: today, people: people, on: db)
        try await CurrentYearModels.load(today: today, people: people, on: db)
        try await CurrentYearClassification.load(today: today, people: people, evidence: evidence, on: db)
        try await CurrentYearCitizens.load(today: today, people: people, on: db)
        try await CurrentYearTraining.load(today: today, people: people, on: db)
        try await CurrentYearInspections.load(today: today, people: people, evidence: evidence, on: db)
        try await CurrentYearPublications.load(today: today, people: people, on: db)
        try await CurrentYearNotices.load(today: today, on: db)
    }
}

/// The demo accounts as actors, by unit code, so that each step is done by the person whose
/// work it is (the history shows their names) and checked by the same rules as theirs.
struct DemoPeople {
    let managers: [String: Actor]
    let reporters: [String: Actor]

    static func load(on db: any Database) async throws -> DemoPeople {
        let users = try await User.query(on: db).all()
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ users.compactMap(\.unitID)).all()
        let codes = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0.code) })
        var managers: [String: Actor] = [:], reporters: [String: Actor] = [:]
        for user in users.sorted(by: { $0.username < $1.username }) {
            guard let code = user.unitID.flatMap({ codes[$0] }) else { continue }
            switch user.userRole {
            case .manager: managers[code] = managers[code] ?? Actor(user)
            case .reporter: reporters[code] = reporters[code] ?? Actor(user)
            default: continue
            }
        }
        return DemoPeople(managers: managers, reporters: reporters)
    }

    /// Who posts for a unit: its reporter, else its manager, else the loader.
    func poster(for code: String) -> Actor { reporters[code] ?? managers[code] ?? DemoLoader.actor }
    func manager(for code: String) -> Actor { managers[code] ?? DemoLoader.actor }
}
