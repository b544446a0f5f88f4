import Testing
@testable import DanVanCore

@Suite("Wording of the documents DanVan writes")
struct DocumentWordingTests {
    private let province = OfficialHeaderText.Body(name: "Tỉnh ủy Lai Châu", kind: .partyCommittee, level: .province)
    private let district = OfficialHeaderText.Body(name: "Huyện ủy Tam Đường", kind: .partyCommittee, level: .district)

    @Test("a district committee's party header names the provincial party organisation above it")
    func partyHeader() {
        let header = OfficialHeaderText(unit: district, parent: province, grandparent: nil, number: DocumentNumber.parse("Số 159-KH/HU"),
                                        type: "KH", place: nil, issuedOn: CivilDate(year: 2023, month: 1, day: 16), year: 2023)
        #expect(header.style == .party)
        #expect(header.superiorBody == "ĐẢNG BỘ TỈNH LAI CHÂU")
        #expect(header.issuingBody == "HUYỆN ỦY TAM ĐƯỜNG")
        #expect(header.numberLine == "Số 159-KH/HU")
        #expect(header.placeAndDate == "Tam Đường, ngày 16 tháng 01 năm 2023")
        #expect(!header.numberLineIsBlank)
        #expect(header.numberInText == "số 159-KH/HU")
    }

    @Test("without a number or a date, both are left blank for the clerk, with the symbol the unit would use")
    func draftHeader() {
        let commune = OfficialHeaderText.Body(name: "Đảng ủy xã Bình Lư (huyện Tam Đường)", kind: .partyCommittee, level: .commune)
        let header = OfficialHeaderText(unit: commune, parent: district, grandparent: province, number: nil, type: "BC", place: nil,
                                        issuedOn: nil, year: 2025)
        #expect(header.numberLine == "Số     -BC/ĐU")
        #expect(header.numberLineIsBlank)
        #expect(header.issuingBody == "ĐẢNG ỦY XÃ BÌNH LƯ", "the bracket that tells communes apart in lists is not printed")
        #expect(header.superiorBody == "ĐẢNG BỘ HUYỆN TAM ĐƯỜNG")
        #expect(header.placeAndDate == "Bình Lư, ngày      tháng      năm 2025")
    }

    @Test("a standing board issues in its committee's name; a board below a committee is headed by it")
    func boards() {
        let board = OfficialHeaderText.Body(name: "Ban Thường vụ Huyện ủy Tam Đường", kind: .partyStandingBoard, level: .district)
        let standing = OfficialHeaderText(unit: board, parent: district, grandparent: province, number: nil, type: "KH", place: nil,
                                          issuedOn: nil, year: 2023)
        #expect(standing.issuingBody == "HUYỆN ỦY TAM ĐƯỜNG")
        #expect(standing.superiorBody == "ĐẢNG BỘ TỈNH LAI CHÂU")
        #expect(standing.numberLine == "Số     -KH/HU")
        let dânVận = OfficialHeaderText.Body(name: "Ban Dân vận Tỉnh ủy Lai Châu", kind: .massMobilizationBoard, level: .province)
        let mobilization = OfficialHeaderText(unit: dânVận, parent: province, grandparent: nil, number: nil, type: "KH", place: nil,
                                              issuedOn: nil, year: 2024)
        #expect(mobilization.superiorBody == "TỈNH ỦY LAI CHÂU")
        #expect(mobilization.issuingBody == "BAN DÂN VẬN")
    }

    @Test("a state office's header is in state style with its number as 'Số: .../KH-...'")
    func stateHeader() {
        let office = OfficialHeaderText.Body(name: "Văn phòng UBND tỉnh", kind: .stateOffice, level: .province)
        let committee = OfficialHeaderText.Body(name: "UBND tỉnh Lai Châu", kind: .peoplesCommittee, level: .province)
        let header = OfficialHeaderText(unit: office, parent: committee, grandparent: nil, number: DocumentNumber.parse("Số: /KH-VPUBND"),
                                        type: "KH", place: "Lai Châu", issuedOn: nil, year: 2025)
        #expect(header.style == .state)
        #expect(header.numberLine == "Số:     /KH-VPUBND")
        #expect(header.superiorBody == "UBND TỈNH LAI CHÂU")
        #expect(header.placeAndDate.hasPrefix("Lai Châu, ngày"))
    }

    @Test("June is a 'sơ kết', the year a 'tổng kết', other periods a report of results, each naming the next period")
    func reviewWording() throws {
        let half = ReviewWording(period: try #require(ReportPeriod(code: "2025-H1")))
        #expect(half.kind == .interim)
        #expect(half.subject == "Sơ kết công tác dân vận 6 tháng đầu năm 2025, phương hướng, nhiệm vụ 6 tháng cuối năm 2025")
        let year = ReviewWording(period: try #require(ReportPeriod(code: "2025")))
        #expect(year.kind == .final)
        #expect(year.nextPeriod == "năm 2026")
        let december = ReviewWording(period: try #require(ReportPeriod(code: "2025-12")))
        #expect(december.kind == .periodic)
        #expect(december.nextPeriod == "tháng 1/2026")
        #expect(ReportPeriod(code: "2025-Q4")?.next.code == "2026-Q1")
    }

    @Test("a task is done, done late, not done or under way by its occurrences due in the period")
    func taskOutcome() {
        #expect(TaskPeriodOutcome.of([]) == nil)
        #expect(TaskPeriodOutcome.of([(.done, .doneOnTime), (.done, .doneOnTime)]) == .done)
        #expect(TaskPeriodOutcome.of([(.done, .doneOnTime), (.done, .doneLate)]) == .doneLate)
        #expect(TaskPeriodOutcome.of([(.done, .doneOnTime), (.notStarted, .overdue)]) == .notDone)
        #expect(TaskPeriodOutcome.of([(.cannotDo, .notCounted)]) == .notDone)
        #expect(TaskPeriodOutcome.of([(.inProgress, .inTime)]) == .underWay)
    }

    @Test("a task's timing is written as the plan wrote it, or from its months")
    func timingWritten() {
        #expect(TaskTiming(raw: "Tháng 4,10").written == "Tháng 4,10")
        #expect(TaskTiming(raw: "", months: [3, 9]).written == "Tháng 3, 9")
        #expect(TaskTiming(raw: "", months: [1]).written == "Tháng 01")
        #expect(TaskTiming(raw: "", recurrence: .monthly).written == "Hàng tháng")
        #expect(TaskTiming(raw: "", asDirected: true).written == "Theo văn bản chỉ đạo")
        #expect(TaskTiming(raw: "").written == "")
    }
}
