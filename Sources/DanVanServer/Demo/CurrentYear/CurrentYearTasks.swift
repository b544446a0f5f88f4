import DanVanCore
import Fluent
import Foundation
import SQLKit

/// The plans' tasks followed up to today, as their lead units would have posted them: most
/// months done a couple of days before the due date, some done late, one a month with a reason
/// it could not be done, the occasional one left overdue (reminded from above), and this month's
/// under way. Posts are made through the use cases and dated on the day they stand for.
enum CurrentYearTasks {
    enum Fate {
        case onTime, late, cannotDo, overdue, underWay, notYet
    }

    static func follow(planIDs: [Int], today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        let tasks = try await PlanTaskRecord.query(on: db).filter(\.$planID ~~ planIDs).filter(\.$leadUnitID != nil).sort(\.$id).all()
        let leads = try await OrgUnit.query(on: db).filter(\.$id ~~ tasks.compactMap(\.leadUnitID)).all()
        let codes = Dictionary(uniqueKeysWithValues: leads.map { ($0.requireID, $0.code) })
        let occurrences = try await TaskOccurrence.query(on: db).filter(\.$taskID ~~ tasks.map(\.requireID)).sort(\.$taskID).sort(\.$month).all()
        let leadOf = Dictionary(uniqueKeysWithValues: tasks.map { ($0.requireID, $0.leadUnitID.flatMap { codes[$0] } ?? "") })
        for (index, occurrence) in occurrences.enumerated() {
            guard let due = occurrence.dueOn.flatMap(CivilDate.init(parsing:)), let lead = leadOf[occurrence.taskID] else { continue }
            try await apply(fate(index: index, due: due, today: today), to: occurrence, due: due, lead: lead, people: people, on: db)
        }
    }

    static func fate(index: Int, due: CivilDate, today: CivilDate) -> Fate {
        let thisMonth = CivilDate(year: today.year, month: today.month, day: 1) ?? today
        if due >= thisMonth { return due.month == today.month && index % 3 != 0 ? .underWay : .notYet }
        switch index % 13 {
        case 4, 9: return .late
        case 7 where due.month >= 4: return .cannotDo
        case 11 where due.month >= today.month - 2: return .overdue
        default: return .onTime
        }
    }

    private static func apply(_ fate: Fate, to occurrence: TaskOccurrence, due: CivilDate, lead: String, people: DemoPeople,
                              on db: any Database) async throws {
        let poster = people.poster(for: lead)
        let store = EvidenceStore(dataDirectory: "/nonexistent")
        func post(_ state: OccurrenceState, _ text: String, on day: CivilDate) async throws {
            let version = try await TaskOccurrence.find(occurrence.requireID, on: db)?.version ?? 0
            try await TaskProgressPosting.perform(occurrenceID: occurrence.requireID, state: state, text: text, version: version, evidence: [],
                                                  today: day, store: store, by: poster, on: db)
            try await dateLastPost(occurrence.requireID, on: day, on: db)
        }
        switch fate {
        case .notYet: return
        case .underWay: try await post(.inProgress, "Đang triển khai; đã giao các chi bộ thực hiện.", on: due.adding(days: -10))
        case .onTime: try await post(.done, "Đã hoàn thành, có biên bản kèm theo.", on: due.adding(days: -2))
        case .late: try await post(.done, "Đã hoàn thành, chậm do chờ tổng hợp số liệu các chi bộ.", on: due.adding(days: 9))
        case .cannotDo:
            try await post(.cannotDo, "Chưa có văn bản hướng dẫn của cấp trên nên chưa tổ chức được; đề nghị lùi sang tháng sau.", on: due.adding(days: 1))
        case .overdue:
            try await post(.inProgress, "Đang tổng hợp, chưa xong.", on: due.adding(days: -5))
            let above = try await UnitQueries.require(code: lead, on: db).parentID
            let chaser = try await above.asyncMap { try await OrgUnit.find($0, on: db)?.code } ?? nil
            try await TaskReminding.perform(occurrenceID: occurrence.requireID, note: "Đề nghị khẩn trương hoàn thành và báo cáo kết quả.",
                                            by: people.manager(for: chaser ?? ""), on: db)
            try await dateLastPost(occurrence.requireID, on: due.adding(days: 6), on: db)
        }
    }

    /// A post dated on the day it stands for, mid-morning in Việt Nam.
    private static func dateLastPost(_ occurrenceID: Int, on day: CivilDate, on db: any Database) async throws {
        let sql = try UnitClosure.sqlDatabase(db)
        guard let last = try await sql.select().column(SQLFunction("MAX", args: SQLColumn("id")), as: "id").from("task_updates")
            .where("occurrence_id", .equal, occurrenceID).first()?.decode(column: "id", as: Int?.self) else { return }
        try await sql.update("task_updates").set("at", to: DemoClock.morning(of: day)).where("id", .equal, last).run()
    }
}

/// Moments of the demo's story, in Việt Nam's time zone.
enum DemoClock {
    static func morning(of day: CivilDate, hour: Int = 9) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? .current
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour)) ?? Date()
    }
}
