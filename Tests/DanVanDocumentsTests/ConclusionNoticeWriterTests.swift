import DanVanCore
@testable import DanVanDocuments
import Testing

@Suite("Conclusion notice: titles and sentences")
struct ConclusionNoticeWriterTests {
    static func notice(kind: InspectionKind, title: String) -> ConclusionNoticeWriter.Notice {
        ConclusionNoticeWriter.Notice(header: OfficialHeaderText(unit: .init(name: "Tỉnh ủy Lai Châu", kind: .partyCommittee, level: .province), parent: nil,
                                                                 grandparent: nil, number: nil, type: "TB", place: nil, issuedOn: nil, year: 2026), issuerName: "Tỉnh ủy", kind: kind, title: title, decision: nil, team: "Đoàn",
                                      subjects: ["Xã A"], starts: CivilDate(year: 2026, month: 4, day: 1)!, ends: CivilDate(year: 2026, month: 4, day: 1)!,
                                      contents: "", findings: [], requirements: [], signature: nil)
    }

    @Test("the kind's word is not repeated when the title already starts with it")
    func subject() {
        #expect(ConclusionNoticeWriter.subject(Self.notice(kind: .inspection, title: "Kiểm tra công tác dân vận")) == "Kết luận kiểm tra công tác dân vận")
        #expect(ConclusionNoticeWriter.subject(Self.notice(kind: .thematicSupervision, title: "Việc thực hiện dân chủ ở cơ sở"))
                == "Kết luận giám sát việc thực hiện dân chủ ở cơ sở")
        #expect(ConclusionNoticeWriter.subject(Self.notice(kind: .reInspection, title: "Phúc tra kết quả khắc phục")) == "Kết luận phúc tra kết quả khắc phục")
    }

    @Test("a sentence ends with one full stop whatever the clerk typed")
    func sentence() {
        #expect(ConclusionNoticeWriter.sentence("Công khai trên bảng tin.", adding: "; thời hạn: 30/06/2026") == "Công khai trên bảng tin; thời hạn: 30/06/2026.")
        #expect(ConclusionNoticeWriter.sentence("  Họp định kỳ;  \n") == "Họp định kỳ.")
        #expect(ConclusionNoticeWriter.sentence("Đã làm") == "Đã làm.")
    }
}
