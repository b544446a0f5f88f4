import DanVanCore
import DanVanDocuments
import Fluent
import Foundation
import Testing
import Vapor
@testable import DanVanServer

@Suite("Storing read plans")
struct PlanImportTests {
    static func fixture(_ name: String) throws -> Data {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("DanVanDocumentsTests/Fixtures/\(name)")
        return try Data(contentsOf: url)
    }

    private func districtTree(_ app: Application) async throws {
        _ = try await UnitStore.create(.init(code: "TU", name: "Tỉnh ủy Lai Châu", kind: "party_committee", level: "province"),
                                       parentCode: nil, reportsToCode: nil, by: .commandLine, on: app.db)
        _ = try await UnitStore.create(.init(code: "HU", name: "Huyện ủy Tam Đường", kind: "party_committee", level: "district",
                                             validTo: "2025-06-30"),
                                       parentCode: "TU", reportsToCode: nil, by: .commandLine, on: app.db)
        _ = try await UnitStore.create(.init(code: "XA", name: "Đảng ủy xã Bình Lư", kind: "party_committee", level: "commune",
                                             validFrom: "2025-07-01"),
                                       parentCode: "TU", reportsToCode: nil, by: .commandLine, on: app.db)
    }

    @Test("a plan is stored with its parts and citations; the issuer's name finds its unit", arguments: TestDatabase.all)
    func storesPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await districtTree(app)
            let outcome = try await PlanFileImporter.importFile(named: "seed-000.docx", data: Self.fixture("seed-000.docx"),
                                                                unitCode: nil, by: .commandLine, on: app.db)
            guard case .stored(let planID, let unitCode) = outcome else {
                Issue.record("expected stored, got \(outcome)")
                return
            }
            #expect(unitCode == "HU")
            let plan = try #require(try await Plan.find(planID, on: app.db))
            #expect(plan.numberNormalized == "159-KH/HU")
            #expect(plan.year == 2023)
            #expect(try await PlanTargetRecord.query(on: app.db).filter(\.$planID == planID).count() == 11)
            #expect(try await PlanTaskRecord.query(on: app.db).filter(\.$planID == planID).count() == 34)
            let basis = try await PlanCitation.query(on: app.db).filter(\.$planID == planID).filter(\.$isBasis == true).all()
            #expect(basis.count == 1)
            let resolution = try await CitedDocument.query(on: app.db).filter(\.$normalized == "25-NQ/TW").all()
            #expect(resolution.map(\.issueYear) == [2008])
        }
    }

    @Test("the same document twice, or a plan year the unit did not exist in, stores nothing", arguments: TestDatabase.all)
    func refusals(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await districtTree(app)
            let data = try Self.fixture("seed-000.txt")
            _ = try await PlanFileImporter.importFile(named: "a.txt", data: data, unitCode: "HU", by: .commandLine, on: app.db)
            let again = try await PlanFileImporter.importFile(named: "b.txt", data: data, unitCode: "HU", by: .commandLine, on: app.db)
            guard case .skipped(let reason) = again else { Issue.record("a duplicate must be skipped"); return }
            #expect(reason.contains("đã có kế hoạch 159-KH/HU"))
            let tooEarly = try await PlanFileImporter.importFile(named: "c.txt", data: data, unitCode: "XA", by: .commandLine, on: app.db)
            guard case .skipped(let early) = tooEarly else { Issue.record("a 2023 plan on a 2025 commune must be skipped"); return }
            #expect(early.contains("bắt đầu hoạt động từ 01/07/2025"))
            #expect(try await Plan.query(on: app.db).count() == 1)
            #expect(try await PlanTaskRecord.query(on: app.db).count() == 34, "nothing of the refused plans is stored")
            #expect(try await CitedDocument.query(on: app.db).count() == 21)
        }
    }

    @Test("the lower plan is linked to the stored upper plan it names as basis", arguments: TestDatabase.all)
    func linksUpperPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await districtTree(app)
            var upper = try PlanFileReader.read(Self.fixture("seed-000.txt"), filename: "u.txt")
            upper.number = PlanDocument.Number(try #require(DocumentNumber.parse("226-KH/HU")))
            upper.year = 2024
            let stored = try await PlanStore.save(upper, at: .init(unitID: try await UnitQueries.require(code: "HU", on: app.db).requireID,
                                                                   implementsPlanID: nil, sourceName: nil), by: .commandLine, on: app.db)
            let lower = try PlanFileReader.read(Self.fixture("seed-001.txt"), filename: "l.txt")
            let found = try await PlanPlacementResolver.upperPlan(for: lower, on: app.db)
            #expect(found?.id == stored.id)
        }
    }
}
