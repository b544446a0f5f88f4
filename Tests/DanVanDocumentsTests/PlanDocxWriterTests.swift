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
}
