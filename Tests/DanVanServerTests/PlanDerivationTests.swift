import DanVanCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import DanVanServer

@Suite("Plans derived from the plan above, and their coverage")
struct PlanDerivationTests {
    /// The district of seed 000 with its Ban Dân vận, Front and veterans, and one commune.
    private func district(_ app: Application) async throws {
        for (code, name, parent, level) in [("TU", "Tỉnh ủy Lai Châu", nil, "province"), ("HU", "Huyện ủy Tam Đường", "TU", "district"),
                                            ("HU-BDV", "Ban Dân vận Huyện ủy Tam Đường", "HU", "district"),
                                            ("XA", "Đảng ủy xã Bình Lư", "HU", "commune")] as [(String, String, String?, String)] {
            _ = try await UnitCreation.perform(.init(code: code, name: name, kind: "party_committee", level: level),
                                           parentCode: parent, reportsToCode: nil, by: .commandLine, on: app.db)
        }
        for (code, name, kind) in [("MT", "Ủy ban MTTQ Việt Nam huyện Tam Đường", "fatherland_front"),
                                   ("CCB", "Hội Cựu chiến binh huyện Tam Đường", "veterans_association")] {
            _ = try await UnitCreation.perform(.init(code: code, name: name, kind: kind, level: "district"),
                                           parentCode: nil, reportsToCode: nil, by: .commandLine, on: app.db)
        }
    }

    private func storeSeed000(_ app: Application) async throws -> Int {
        let outcome = try await PlanFileImporter.importFile(named: "seed-000.txt", data: PlanImportTests.fixture("seed-000.txt"),
                                                            unitCode: "HU", by: .commandLine, on: app.db)
        guard case .stored(let planID, _) = outcome else { throw AppError.internalError("seed 000 not stored: \(outcome)") }
        return planID
    }

    @Test("a stored plan's appendix leads find their units, and each task gets its occurrences", arguments: TestDatabase.all)
    func assignmentAndOccurrences(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await district(app)
            let planID = try await storeSeed000(app)
            let tasks = try await PlanTaskRecord.query(on: app.db).filter(\.$planID == planID).filter(\.$section == "appendix").sort(\.$position).all()
            let codes = try await UnitQueries.codes(for: tasks.compactMap(\.leadUnitID), on: app.db)
            #expect(tasks.first.flatMap { $0.leadUnitID.flatMap { codes[$0] } } == "HU-BDV")
            #expect(tasks.contains { $0.leadUnitID.flatMap { codes[$0] } == "CCB" })
            #expect(tasks.contains { $0.leadUnitID == nil }, "Liên đoàn Lao động huyện is no unit here and stays unassigned")
            let monthly = try #require(tasks.first { $0.recurrence == "monthly" })
            #expect(try await TaskOccurrence.query(on: app.db).filter(\.$taskID == monthly.requireID).count() == 12)
            let twice = try #require(tasks.first { $0.months == "3,9" })
            let months = try await TaskOccurrence.query(on: app.db).filter(\.$taskID == twice.requireID).sort(\.$month).all().map(\.month)
            #expect(months == [3, 9])
        }
    }

    @Test("deriving copies targets and the tasks that fall to the level below, linked to their parents", arguments: TestDatabase.all)
    func derive(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await district(app)
            let upperID = try await storeSeed000(app)
            let commune = try await UnitQueries.require(code: "XA", on: app.db)
            let planID = try await PlanDerivation.perform(from: upperID, for: commune, year: nil, by: .commandLine, on: app.db)
            let plan = try #require(try await Plan.find(planID, on: app.db))
            #expect(plan.status == .draft && plan.implementsPlanID == upperID && plan.year == 2023)
            let upperTargets = try await PlanTargetRecord.query(on: app.db).filter(\.$planID == upperID).all()
            let targets = try await PlanTargetRecord.query(on: app.db).filter(\.$planID == planID).all()
            #expect(targets.count == upperTargets.count)
            #expect(Set(targets.compactMap(\.parentTargetID)) == Set(upperTargets.map(\.requireID)))
            let tasks = try await PlanTaskRecord.query(on: app.db).filter(\.$planID == planID).all()
            #expect(!tasks.isEmpty && tasks.allSatisfy { $0.parentTaskID != nil })
            let upperTasks = try await PlanTaskRecord.query(on: app.db).filter(\.$planID == upperID).count()
            #expect(tasks.count < upperTasks, "tasks led by the district's own bodies stay with the district")
            let report = try await PlanCoverage.report(for: plan, on: app.db)
            #expect(report.missingTargets.isEmpty && report.weakerTargets.isEmpty && report.missingTasks.isEmpty)
        }
    }

    @Test("a weakened target, a dropped one and a dropped task are reported against their parents", arguments: TestDatabase.all)
    func coverageFindings(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await district(app)
            let upperID = try await storeSeed000(app)
            let commune = try await UnitQueries.require(code: "XA", on: app.db)
            let planID = try await PlanDerivation.perform(from: upperID, for: commune, year: nil, by: .commandLine, on: app.db)
            let targets = try await PlanTargetRecord.query(on: app.db).filter(\.$planID == planID).sort(\.$position).all()
            let over85 = try #require(targets.first { $0.comparator == "gt" && $0.value == 85 })
            over85.comparator = "ge"
            over85.value = 80
            try await over85.save(on: app.db)
            let dropped = try #require(targets.last)
            try await dropped.delete(on: app.db)
            let task = try #require(try await PlanTaskRecord.query(on: app.db).filter(\.$planID == planID).first())
            try await task.delete(on: app.db)
            let report = try await PlanCoverage.report(for: try #require(try await Plan.find(planID, on: app.db)), on: app.db)
            #expect(report.weakerTargets.map(\.id) == [over85.requireID])
            #expect(report.weakerTargets.first?.reason.contains("trên 85%") == true)
            #expect(report.missingTargets.map(\.parentID) == [try #require(dropped.parentTargetID)])
            #expect(report.missingTasks.map(\.parentID) == [try #require(task.parentTaskID)])
        }
    }

    @Test("deriving twice for the same unit and year stores nothing and names the plan to open", arguments: TestDatabase.all)
    func deriveTwice(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await district(app)
            let upperID = try await storeSeed000(app)
            let commune = try await UnitQueries.require(code: "XA", on: app.db)
            let first = try await PlanDerivation.perform(from: upperID, for: commune, year: nil, by: .commandLine, on: app.db)
            let plansBefore = try await Plan.query(on: app.db).count()
            let tasksBefore = try await PlanTaskRecord.query(on: app.db).count()
            await #expect { try await PlanDerivation.perform(from: upperID, for: commune, year: nil, by: .commandLine, on: app.db) } throws: { error in
                (error as? AppError)?.status == .conflict && (error as? AppError)?.reason.contains("mã \(first)") == true
            }
            #expect(try await Plan.query(on: app.db).count() == plansBefore)
            #expect(try await PlanTaskRecord.query(on: app.db).count() == tasksBefore)
        }
    }
}
