import DanVanCore
import Fluent
import Foundation

/// Inspection in the demo: the Provincial Standing Board's April inspection of three communes'
/// mass mobilisation work (this year's once its conclusion of 8 May has passed, else last
/// year's), concluded with requirements: Bình Lư fixed its on time, Bản Bo one late, Sơn Bình has
/// not (overdue); Bản Bo's second is reported and waits for the province to accept it. This
/// year's October supervision is planned, or held and not yet concluded.
enum CurrentYearInspections {
    static let communes = ["LC-DU-BINHLU", "LC-DU-BANBO", "LC-DU-SONBINH"]

    static func load(today: CivilDate, people: DemoPeople, evidence: EvidenceStore, on db: any Database) async throws {
        let concludedThisYear = CivilDate(year: today.year, month: 5, day: 8).map { $0 <= today } ?? false
        let year = concludedThisYear ? today.year : today.year - 1
        func day(_ month: Int, _ day: Int) -> CivilDate? { CivilDate(year: year, month: month, day: day).flatMap { $0 <= today ? $0 : nil } }
        let province = people.manager(for: "LC-TU")
        let plan = try await planFromProgramme(year: today.year, province: province, on: db)
        if let starts = day(4, 14), let ends = day(4, 24) {
            var input = InspectionRecording.Input()
            input.unitCode = "LC-TU"
            input.kind = InspectionKind.inspection.rawValue
            input.title = "Kiểm tra việc thực hiện công tác dân vận năm \(year) tại các xã Bình Lư, Bản Bo, Sơn Bình"
            input.decisionNumber = "312-QĐ/TU"
            input.decisionDate = CivilDate(year: year, month: 4, day: 2)?.description ?? ""
            input.team = "Đoàn kiểm tra số 3 của Ban Thường vụ Tỉnh ủy do đồng chí Phó Trưởng Ban Dân vận Tỉnh ủy làm trưởng đoàn"
            input.subjects = communes
            input.periodFrom = CivilDate(year: year - 1, month: 1, day: 1)?.description ?? ""
            input.periodTo = CivilDate(year: year, month: 3, day: 31)?.description ?? ""
            input.contents = "Việc lãnh đạo, chỉ đạo, ban hành kế hoạch thực hiện công tác dân vận; thực hiện Quy chế dân chủ ở cơ sở; "
                + "phong trào thi đua \"Dân vận khéo\"; tiếp dân, đối thoại trực tiếp với Nhân dân."
            input.startsOn = starts.description
            input.endsOn = ends.description
            input.planItemID = year == today.year ? plan[4] : nil
            let inspection = try await InspectionRecording.record(input, today: today, by: province, on: db)
            if let concluded = day(5, 8) {
                _ = try await InspectionRecording.conclude(inspection.requireID, conclusion(year: year, concludedOn: concluded), today: today, by: province, on: db)
                try await follow(inspection.requireID, year: year, today: today, people: people, province: province, evidence: evidence, on: db)
            }
        }
        if let starts = CivilDate(year: today.year, month: 10, day: 20), let ends = CivilDate(year: today.year, month: 10, day: 23) {
            var input = InspectionRecording.Input()
            input.unitCode = "LC-TU"
            input.kind = InspectionKind.thematicSupervision.rawValue
            input.title = "Giám sát chuyên đề việc thực hiện dân chủ ở cơ sở tại xã Bình Lư và xã Sơn Bình"
            if let decided = CivilDate(year: today.year, month: 10, day: 6), decided <= today {
                (input.decisionNumber, input.decisionDate) = ("405-QĐ/TU", decided.description)
            }
            input.team = "Đoàn giám sát của Ban Thường vụ Tỉnh ủy do đồng chí Trưởng Ban Dân vận Tỉnh ủy làm trưởng đoàn"
            input.subjects = ["LC-DU-BINHLU", "LC-DU-SONBINH"]
            input.contents = "Việc công khai thông tin, lấy ý kiến Nhân dân và hoạt động của Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng."
            input.startsOn = starts.description
            input.endsOn = ends.description
            input.planItemID = plan[10]
            _ = try await InspectionRecording.record(input, today: today, by: province, on: db)
        }
    }

    /// The programme's "Kiểm tra, giám sát … Tháng 4, 10" made the province's inspection plan: item ids by month.
    private static func planFromProgramme(year: Int, province: Actor, on db: any Database) async throws -> [Int: Int] {
        let unit = try await UnitQueries.require(code: "LC-TU", on: db)
        guard let task = try await InspectionPlanning.candidates(for: unit, year: year, on: db).first else { return [:] }
        let items = try await InspectionPlanning.fromTask(task.task.requireID, unitCode: "LC-TU", by: province, on: db)
        return Dictionary(items.map { ($0.month, $0.requireID) }, uniquingKeysWith: { first, _ in first })
    }

    private static func conclusion(year: Int, concludedOn: CivilDate) -> InspectionRecording.Conclusion {
        var conclusion = InspectionRecording.Conclusion()
        conclusion.conclusionNumber = "118-TB/TU"
        conclusion.concludedOn = concludedOn.description
        conclusion.version = 1
        conclusion.findings = [
            .init(unitCode: "LC-DU-BINHLU", type: "strength", text: "Ban hành kế hoạch công tác dân vận năm \(year) kịp thời, cụ thể hóa đầy đủ chỉ tiêu của tỉnh; 100% thôn có Tổ dân vận hoạt động."),
            .init(unitCode: "LC-DU-BANBO", type: "strength", text: "Duy trì tốt việc tiếp dân định kỳ của Bí thư Đảng ủy; mô hình \"Dân vận khéo\" được nhân rộng ở 4 bản."),
            .init(unitCode: "LC-DU-BINHLU", type: "shortcoming", text: "Sổ theo dõi kết quả thực hiện mô hình \"Dân vận khéo\" chưa cập nhật thường xuyên.", severity: "minor"),
            .init(unitCode: "LC-DU-BANBO", type: "shortcoming", text: "Hội nghị đối thoại năm trước chưa công khai kết quả đúng thời hạn.", severity: "moderate", criterion: "2.3"),
            .init(unitCode: "LC-DU-SONBINH", type: "shortcoming", text: "Chưa xây dựng kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm \(year).", severity: "moderate"),
            .init(unitCode: "LC-DU-SONBINH", type: "violation", text: "Không tổ chức tiếp dân định kỳ trong quý I theo quy định.", severity: "serious", criterion: "3.1"),
        ]
        func due(_ month: Int, _ day: Int) -> String { CivilDate(year: year, month: month, day: day)?.description ?? "" }
        conclusion.requirements = [
            .init(unitCode: "LC-DU-BINHLU", text: "Cập nhật sổ theo dõi mô hình \"Dân vận khéo\" và báo cáo kết quả về Ban Dân vận Tỉnh ủy.", dueOn: due(6, 30)),
            .init(unitCode: "LC-DU-BANBO", text: "Công khai kết quả hội nghị đối thoại trên bảng tin và hệ thống loa của xã.", dueOn: due(6, 15)),
            .init(unitCode: "LC-DU-BANBO", text: "Rà soát, bổ sung lịch tiếp dân định kỳ năm \(year) của lãnh đạo xã.", dueOn: due(9, 30)),
            .init(unitCode: "LC-DU-SONBINH", text: "Ban hành kế hoạch thực hiện Quy chế dân chủ ở cơ sở năm \(year).", dueOn: due(7, 31)),
            .init(unitCode: "LC-DU-SONBINH", text: "Tổ chức tiếp dân định kỳ hằng tháng theo quy định và báo cáo kết quả.", dueOn: due(12, 31)),
        ]
        return conclusion
    }

    /// The remedies as the communes reported them and the province's answers.
    private static func follow(_ inspectionID: Int, year: Int, today: CivilDate, people: DemoPeople, province: Actor, evidence: EvidenceStore,
                               on db: any Database) async throws {
        let requirements = try await InspectionRequirement.query(on: db).filter(\.$inspectionID == inspectionID).sort(\.$position).all()
        func act(_ position: Int, _ action: RequirementAction, _ month: Int, _ day: Int, _ text: String, file: String? = nil, by actor: Actor) async throws {
            guard let requirement = try await InspectionRequirement.query(on: db).filter(\.$inspectionID == inspectionID).filter(\.$position == position).first(),
                  let date = CivilDate(year: year, month: month, day: day), date <= today else { return }
            _ = try await RequirementActing.perform(requirement.requireID, .init(action: action.rawValue, onDate: date.description, text: text, version: requirement.version),
                                                    evidence: file.map { .init(files: [.init(name: $0, data: CurrentYearClassification.samplePDF)], store: evidence) },
                                                    today: today, by: actor, on: db)
        }
        guard !requirements.isEmpty else { return }
        try await act(1, .report, 6, 20, "Đã cập nhật sổ theo dõi đến tháng 6; báo cáo số 45-BC/ĐU ngày 20/6 kèm bản chụp sổ.", by: people.poster(for: "LC-DU-BINHLU"))
        try await act(1, .accept, 6, 25, "", by: province)
        try await act(2, .report, 7, 10, "Đã niêm yết kết quả đối thoại tại trụ sở và phát trên loa 3 ngày liên tiếp (biên bản niêm yết ngày 10/7).",
                      file: "bien-ban-niem-yet-10-7.pdf", by: people.poster(for: "LC-DU-BANBO"))
        try await act(2, .accept, 7, 15, "", by: province)
        try await act(3, .report, 9, 25, "Đã ban hành lịch tiếp dân định kỳ của Bí thư và Chủ tịch xã (Thông báo số 21-TB/ĐU ngày 25/9).",
                      file: "thong-bao-lich-tiep-dan.pdf", by: people.poster(for: "LC-DU-BANBO"))
    }
}
