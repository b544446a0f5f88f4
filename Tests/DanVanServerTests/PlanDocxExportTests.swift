import DanVanCore
import DanVanDocuments
import Fluent
import Foundation
import Testing
import Vapor
@testable import DanVanServer

@Suite("Plans written out as DOCX")
struct PlanDocxExportTests {
    private func store(_ seed: String, at unitCode: String, edit: (inout PlanDocument) -> Void = { _ in }, on app: Application) async throws -> Int {
        var document = try PlanFileReader.read(PlanImportTests.fixture(seed), filename: seed)
        edit(&document)
        let unitID = try await UnitQueries.require(code: unitCode, on: app.db).requireID
        return try await PlanStore.save(document, at: .init(unitID: unitID, implementsPlanID: nil, sourceName: nil), by: .commandLine, on: app.db)
    }

    private func download(_ planID: Int, headers: HTTPHeaders, app: Application) async throws -> (HTTPStatus, Data, HTTPHeaders) {
        let response = try await app.page(.GET, SiteRoute.planDocx(planID).path, headers: headers)
        return (response.status, Data(buffer: response.body), response.headers)
    }

    @Test("a stored plan downloads as DOCX that reads back with the same structure", arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let planID = try await store("seed-000.docx", at: "T-D", on: app)
            let manager = try await fixture.user("quanly", .manager, at: "T-D")
            let (status, data, headers) = try await download(planID, headers: try await fixture.browser(for: manager), app: app)
            #expect(status == .ok)
            #expect(headers.contentType?.subType == "vnd.openxmlformats-officedocument.wordprocessingml.document")
            #expect(headers.first(name: .contentDisposition)?.contains("ke-hoach-159-kh-hu-nam-2023.docx") == true)

            let read = try PlanFileReader.read(data, filename: "written.docx")
            let plan = try #require(try await Plan.find(planID, on: app.db))
            #expect(read.kind == .plan)
            #expect(read.number?.normalized == plan.numberNormalized)
            // "ĐẢNG BỘ TỈNH …" / "HUYỆN ỦY ĐỒNG VĂN": the issuing body under the body above, in running-text capitals.
            #expect(read.issuer == "Huyện ủy Đồng Văn", "the header names the unit the plan is stored under")
            #expect(read.issuedOn == plan.issuedOn)
            #expect(read.subject == plan.subject)

            let sections = try await PlanSectionRecord.query(on: app.db).filter(\.$planID == planID).sort(\.$position).all()
            #expect(flatten(read.sections) == sections.map { "\($0.depth) \($0.number) \($0.heading)" })
            let targets = try await PlanTargetRecord.query(on: app.db).filter(\.$planID == planID).sort(\.$position).all()
            #expect(read.targets.map(\.text) == targets.map(\.text))
            #expect(read.targets.map(\.value) == targets.map(\.value))
            let tasks = try await PlanTaskRecord.query(on: app.db).filter(\.$planID == planID).sort(\.$position).all()
            #expect(read.tasks.map(\.text) == tasks.map(\.text))
            #expect(read.tasks.map(\.lead) == tasks.map { PlanPartsWriter.names($0.leadNames) })
            #expect(read.tasks.map(\.coordinating) == tasks.map { PlanPartsWriter.names($0.coordinatingNames) })
            #expect(read.tasks.map(\.timing.months) == tasks.map { OccurrenceWriter.timing($0).months })
            #expect(read.tasks.map(\.group) == tasks.map(\.group))
            #expect(read.recipients == PlanPartsWriter.names(plan.recipientsJSON))
            #expect(read.signature == PlanDocument.Signature(authority: plan.signatureAuthority, position: plan.signaturePosition,
                                                             name: plan.signatureName))
            let text = try ReviewExportTests.lines(data)
            #expect(text.contains { $0.hasPrefix("Nâng cao chất lượng, hiệu quả công tác dân vận của hệ thống chính trị") },
                    "the plan's own words are kept, not only its targets and tasks")
            let basis = try await PlanCitation.query(on: app.db).filter(\.$planID == planID).filter(\.$isBasis == true).all()
            let basisNumbers = try await CitedDocument.query(on: app.db).filter(\.$id ~~ basis.map(\.documentID)).all().map(\.normalized)
            #expect(read.basis.map(\.normalized) == basisNumbers)
        }
    }

    private func flatten(_ sections: [PlanDocument.Section], depth: Int = 0) -> [String] {
        sections.flatMap { ["\(depth) \($0.number) \($0.heading)"] + flatten($0.children, depth: depth + 1) }
    }

    @Test("a plan with no number, characters XML forbids and a very long unit name still writes a file that opens whole",
          arguments: TestDatabase.all)
    func awkwardPlan(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let longName = "Ban Chỉ đạo thực hiện Quy chế dân chủ ở cơ sở " + String(repeating: "và các tổ chức chính trị - xã hội ", count: 12) + "huyện"
            let planID = try await store("seed-001.txt", at: "T-C", edit: { plan in
                plan.number = nil
                plan.subject = "Công tác dân vận\u{1}\u{8} năm 2024\u{FFFE}"
                if let index = plan.tasks.firstIndex(where: { $0.section == "appendix" }) ?? plan.tasks.indices.first {
                    let task = plan.tasks[index]
                    plan.tasks[index] = .init(text: task.text + "\u{B}", section: "appendix", group: "1", timing: task.timing,
                                              lead: [longName], coordinating: task.coordinating, line: task.line)
                }
            }, on: app)
            let manager = try await fixture.user("xa", .manager, at: "T-C")
            let (status, data, headers) = try await download(planID, headers: try await fixture.browser(for: manager), app: app)
            #expect(status == .ok)
            #expect(headers.first(name: .contentDisposition)?.contains("ke-hoach-du-thao-nam-2024.docx") == true)
            let read = try PlanFileReader.read(data, filename: "written.docx")
            #expect(read.number?.number == "", "the number is left blank for the clerk")
            #expect(read.number?.normalized == "-KH/ĐU")
            #expect(read.subject == "Công tác dân vận năm 2024")
            #expect(read.tasks.contains { $0.lead == [longName] }, "a long name is written whole, to wrap in its cell")
            #expect(read.warnings.contains { $0.message.contains("Số văn bản để trống") })
        }
    }

    @Test("a user who may not see the plan's unit gets 403 and no document", arguments: TestDatabase.all)
    func forbidden(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let planID = try await store("seed-000.docx", at: "T-D", on: app)
            let sibling = try await fixture.user("meovac", .manager, at: "T-S")
            let (status, data, headers) = try await download(planID, headers: try await fixture.browser(for: sibling), app: app)
            #expect(status == .forbidden)
            #expect(headers.contentType?.subType != "vnd.openxmlformats-officedocument.wordprocessingml.document")
            // The menu names "Dân vận khéo"; the plan's own words must not appear.
            #expect(!String(decoding: data, as: UTF8.self).contains("Tổ dân vận bản"))
        }
    }

    @Test("a plan started from the one above cites it, keeps its words and leaves out what did not come down", arguments: TestDatabase.all)
    func derived(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let upperID = try await store("seed-000.docx", at: "T-D", on: app)
            let commune = try await fixture.unit("T-C")
            let planID = try await PlanDerivation.perform(from: upperID, for: commune, year: 2023, by: .commandLine, on: app.db)
            let manager = try await fixture.user("xa", .manager, at: "T-C")
            let (status, data, _) = try await download(planID, headers: try await fixture.browser(for: manager), app: app)
            #expect(status == .ok)
            let text = try ReviewExportTests.lines(data)
            #expect(text.contains("ĐẢNG ỦY XÃ LŨNG CÚ"))
            #expect(text.contains("ĐẢNG BỘ HUYỆN ĐỒNG VĂN"))
            #expect(text.contains { $0.hasPrefix("Thực hiện Kế hoạch số 159-KH/HU ngày 16/01/2023") }, "the upper plan is the basis")
            let read = try PlanFileReader.read(data, filename: "written.docx")
            let targets = try await PlanTargetRecord.query(on: app.db).filter(\.$planID == planID).count()
            let tasks = try await PlanTaskRecord.query(on: app.db).filter(\.$planID == planID).count()
            let upperTasks = try await PlanTaskRecord.query(on: app.db).filter(\.$planID == upperID).count()
            #expect(read.targets.count == targets)
            #expect(read.tasks.count == tasks)
            #expect(tasks < upperTasks, "the district's own tasks did not come down, and their paragraphs are not written")
        }
    }
}
