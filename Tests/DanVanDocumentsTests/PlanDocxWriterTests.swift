import DanVanCore
import Foundation
import Testing
@testable import DanVanDocuments

@Suite("Plan DOCX writer")
struct PlanDocxWriterTests {
    static func header(for plan: PlanDocument) -> OfficialHeaderText {
        let party = plan.number?.style != .state
        let unit = OfficialHeaderText.Body(name: plan.issuer ?? "Huyện ủy Tam Đường", kind: party ? .partyCommittee : .stateOffice, level: .district)
        let parent = OfficialHeaderText.Body(name: "Tỉnh ủy Lai Châu", kind: .partyCommittee, level: .province)
        let number = plan.number.flatMap { DocumentNumber.parse($0.raw) }
        return OfficialHeaderText(unit: unit, parent: parent, grandparent: nil, number: number, type: plan.documentType ?? "KH",
                                  place: plan.place, issuedOn: plan.issuedOn.flatMap(CivilDate.init(parsing:)), year: plan.year ?? 2025)
    }

    @Test("a seed written as DOCX reads back with the same structure", arguments: Fixtures.seeds)
    func roundTrip(seed: String) throws {
        let original = try PlanFileReader.read(Fixtures.data(seed + ".docx"), filename: seed + ".docx")
        let written = try PlanDocxWriter.docx(PlanStructure.export(original, header: Self.header(for: original)))
        let reread = try PlanFileReader.read(written, filename: "written.docx")
        let before = PlanStructure(original)
        let after = PlanStructure(reread)
        #expect(after.number == before.number)
        #expect(after.basis == before.basis)
        #expect(after.sections == before.sections)
        #expect(after.targets == before.targets)
        #expect(after.tasks.count == before.tasks.count)
        for (old, new) in zip(before.tasks, after.tasks) where old != new {
            Issue.record("task differs:\n\(old)\n\(new)")
        }
        #expect(after.recipients == before.recipients)
        #expect(after.signature == before.signature)
        #expect(reread.kind == .plan)
    }

    @Test("the plan's own words come back; a target changed in DanVan replaces its sentence, a removed task takes its paragraph")
    func ownWordsAndEdits() throws {
        let original = try PlanFileReader.read(Fixtures.data("seed-000.docx"), filename: "seed-000.docx")
        var export = PlanStructure.export(original, header: Self.header(for: original))
        let changed = try #require(export.targets.firstIndex { $0.text.hasPrefix("Trên 85%") })
        export.targets[changed].text = "Trên 90% cán bộ lãnh đạo được tập huấn, bồi dưỡng nghiệp vụ công tác dân vận"
        let removed = try #require(export.tasks.firstIndex { !$0.fromAppendix })
        let removedText = export.tasks[removed].text
        export.tasks.remove(at: removed)

        let written = try PlanDocxWriter.docx(export)
        let lines = try DocxPlanSource.lines(from: written, filename: "written.docx").map(\.text)
        #expect(lines.contains { $0.hasPrefix("Thực hiện Chương trình số 27-CTr/TU, ngày 12/12/2022") }, "the opening as the plan wrote it")
        #expect(lines.contains { $0.hasPrefix("Nâng cao chất lượng, hiệu quả công tác dân vận của hệ thống chính trị") },
                "a purpose paragraph, which is neither target nor task, is kept")
        #expect(!lines.contains { $0.contains(removedText) })
        let reread = try PlanFileReader.read(written, filename: "written.docx")
        #expect(reread.targets.contains { $0.text.hasPrefix("Trên 90% cán bộ lãnh đạo") && $0.value == 90 })
        #expect(!reread.targets.contains { $0.text.hasPrefix("Trên 85% cán bộ lãnh đạo") })
        #expect(reread.targets.count == original.targets.count)
        #expect(reread.tasks.count == original.tasks.count - 1)
    }
}
