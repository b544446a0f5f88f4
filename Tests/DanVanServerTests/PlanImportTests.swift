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
        _ = try await UnitCreation.perform(.init(code: "TU", name: "Tỉnh ủy Lai Châu", kind: "party_committee", level: "province"),
                                       parentCode: nil, reportsToCode: nil, by: .commandLine, on: app.db)
        _ = try await UnitCreation.perform(.init(code: "HU", name: "Huyện ủy Tam Đường", kind: "party_committee", level: "district",
                                             validTo: "2025-06-30"),
                                       parentCode: "TU", reportsToCode: nil, by: .commandLine, on: app.db)
        _ = try await UnitCreation.perform(.init(code: "XA", name: "Đảng ủy xã Bình Lư", kind: "party_committee", level: "commune",
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

    @Test("a copy without its number and date is stored as a draft, its tasks followed only once issued", arguments: TestDatabase.all)
    func draftStaysDraft(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            try await districtTree(app)
            let copy = String(decoding: try Self.fixture("seed-000.txt"), as: UTF8.self)
                .replacingOccurrences(of: "Kế hoạch số 159 -KH/HU, ngày 16/01/2023", with: "Kế hoạch số      -KH/HU, ngày     /01/2023")
            let outcome = try await PlanFileImporter.importFile(named: "du-thao.txt", data: Data(copy.utf8),
                                                                unitCode: "HU", by: .commandLine, on: app.db)
            guard case .stored(let planID, _) = outcome else {
                Issue.record("expected stored, got \(outcome)")
                return
            }
            #expect(try await Plan.find(planID, on: app.db)?.status == .draft)
            let taskIDs = try await PlanTaskRecord.query(on: app.db).filter(\.$planID == planID).all().map(\.requireID)
            #expect(!taskIDs.isEmpty)
            #expect(try await TaskOccurrence.query(on: app.db).filter(\.$taskID ~~ taskIDs).count() == 0)
            let issued = try await PlanFileImporter.importFile(named: "seed-004.docx", data: Self.fixture("seed-004.docx"),
                                                               unitCode: nil, by: .commandLine, on: app.db)
            if case .stored(let issuedID, _) = issued {
                #expect(try await Plan.find(issuedID, on: app.db)?.status == .issued, "a numbered, dated plan is issued")
                // "xếp loại … loại “Tốt”" is stored as a level target, its grade kept for classification.
                let levels = try await PlanTargetRecord.query(on: app.db).filter(\.$planID == issuedID).all().filter { $0.measure == "level" }
                #expect(levels.map(\.level) == ["Tốt"])
                #expect(levels.first?.value == nil)
            }
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
            let found = try await PlanPlacementResolver.upperPlans(for: lower, on: app.db).first
            #expect(found?.id == stored)
        }
    }
}

@Suite("Plans API")
struct PlansAPITests {
    @Test("reading a file stores nothing; saving stores it; a PDF or a non-plan is 422", arguments: TestDatabase.all)
    func importAPI(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await UnitCreation.perform(.init(code: "HU", name: "Huyện ủy Tam Đường", kind: "party_committee", level: "district"),
                                           parentCode: nil, reportsToCode: nil, by: .commandLine, on: app.db)
            let fixture = Fixture(app: app)
            let token = try await fixture.token(for: try await fixture.user("ql", .manager, at: "HU"))
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            let docx = try PlanImportTests.fixture("seed-000.docx")
            let read = try await app.testing().sendRequest(.POST, "/api/plans/import?filename=kh.docx", headers: headers, body: ByteBuffer(data: docx))
            #expect(read.status == .ok)
            #expect(read.body.string.contains("\"normalized\":\"159-KH/HU\""))
            #expect(try await Plan.query(on: app.db).count() == 0)
            let saved = try await app.testing().sendRequest(.POST, "/api/plans/import?filename=kh.docx&save=true", headers: headers,
                                                            body: ByteBuffer(data: docx))
            #expect(saved.status == .created)
            #expect(try await Plan.query(on: app.db).count() == 1)
            let pdf = try await app.testing().sendRequest(.POST, "/api/plans/import?filename=kh.pdf", headers: headers,
                                                          body: ByteBuffer(string: "%PDF-1.7"))
            #expect(pdf.status == .unprocessableEntity)
            #expect(pdf.body.string.contains("\"field\":\"file\""))
            let prose = try await app.testing().sendRequest(.POST, "/api/plans/import?filename=a.txt&save=true", headers: headers,
                                                            body: ByteBuffer(string: "Xin chào.\nKhông phải kế hoạch."))
            #expect(prose.status == .unprocessableEntity)
            #expect(try await Plan.query(on: app.db).count() == 1)
        }
    }
}

@Suite("Plans API reading")
struct PlansAPIReadingTests {
    @Test("the API's reading of a file equals the library's", arguments: ["seed-000.docx", "seed-000.txt", "seed-004.docx"])
    func sameReading(name: String) async throws {
        try await withTestApp(.sqlite) { app in
            _ = try await UnitCreation.perform(.init(code: "HU", name: "Huyện ủy Tam Đường", kind: "party_committee", level: "district"),
                                           parentCode: nil, reportsToCode: nil, by: .commandLine, on: app.db)
            let fixture = Fixture(app: app)
            let token = try await fixture.token(for: try await fixture.user("ql", .manager, at: "HU"))
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            let data = try PlanImportTests.fixture(name)
            let response = try await app.testing().sendRequest(.POST, "/api/plans/import?filename=\(name)", headers: headers,
                                                               body: ByteBuffer(data: data))
            let viaAPI = try JSONDecoder().decode(PlanDocument.self, from: Data(response.body.string.utf8))
            let direct = try PlanFileReader.read(data, filename: name)
            #expect(viaAPI == direct)
            for (a, b) in zip(viaAPI.tasks, direct.tasks) where a != b {
                Issue.record("line \(b.line): API \(a.text.prefix(60)) ≠ \(b.text.prefix(60))")
            }
        }
    }
}
