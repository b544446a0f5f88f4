import Testing
@testable import DanVanCore

@Suite("Coverage of an upper plan")
struct CoverageCheckTests {
    typealias T = CoverageCheck.Target

    @Test("a missing target, a weakened one, and a task falling to this level without counterpart are found")
    func findings() {
        let upper = [T(id: 1, text: "Trên 85% cán bộ được tập huấn", threshold: Threshold(.gt, 85, measure: .percent), parentID: nil),
                     T(id: 2, text: "100% chi bộ có mô hình", threshold: Threshold(.eq, 100, measure: .percent), parentID: nil),
                     T(id: 3, text: "Không để xảy ra điểm nóng", threshold: Threshold(.eq, 0, measure: .count), parentID: nil)]
        let lower = [T(id: 11, text: "80% trở lên cán bộ được tập huấn", threshold: Threshold(.ge, 80, measure: .percent), parentID: 1),
                     T(id: 12, text: "100% chi bộ có mô hình", threshold: Threshold(.eq, 100, measure: .percent), parentID: 2),
                     T(id: 13, text: "Chỉ tiêu riêng", threshold: Threshold(.ge, 2, measure: .count), parentID: nil)]
        let upperTasks = [CoverageCheck.Task(id: 21, text: "Chỉ đạo các chi bộ", parentID: nil, fallsToLowerLevel: true),
                          CoverageCheck.Task(id: 22, text: "Ban Dân vận tham mưu", parentID: nil, fallsToLowerLevel: false),
                          CoverageCheck.Task(id: 23, text: "Tuyên truyền", parentID: nil, fallsToLowerLevel: true)]
        let tasks = [CoverageCheck.Task(id: 31, text: "Tuyên truyền ở xã", parentID: 23)]
        let result = CoverageCheck.check(upperTargets: upper, targets: lower, upperTasks: upperTasks, tasks: tasks)
        #expect(result.missingTargets.map(\.parentID) == [3])
        #expect(result.weakerTargets.map(\.id) == [11])
        #expect(result.weakerTargets.first?.reason == "80% trở lên thấp hơn yêu cầu của cấp trên (trên 85%).")
        #expect(result.missingTasks.map(\.parentID) == [21])
        #expect(!result.isClean)
    }

    @Test("stricter, equal and 'đạt và vượt' children are not weaker; a change of measure is")
    func weakness() {
        let parent = Threshold(.gt, 85, measure: .percent)
        #expect(CoverageCheck.weakness(of: Threshold(.ge, 90, measure: .percent), against: parent) == nil)
        #expect(CoverageCheck.weakness(of: parent, against: parent) == nil)
        #expect(CoverageCheck.weakness(of: Threshold(.ge, nil, measure: .percent), against: parent) == nil)
        #expect(CoverageCheck.weakness(of: Threshold(.ge, 85, measure: .percent), against: parent) != nil)
        #expect(CoverageCheck.weakness(of: Threshold(.ge, 5, measure: .count), against: parent) != nil)
        #expect(CoverageCheck.weakness(of: Threshold(.le, 1, measure: .count), against: Threshold(.eq, 0, measure: .count)) != nil)
    }

    @Test("who an upper task falls to")
    func addressee() {
        #expect(TaskAddressee.fallsToLowerLevel(leadNames: [], coordinatingNames: []))
        #expect(TaskAddressee.fallsToLowerLevel(leadNames: ["Các chi, đảng bộ trực thuộc"], coordinatingNames: []))
        #expect(TaskAddressee.fallsToLowerLevel(leadNames: ["Ban Dân vận Huyện ủy"], coordinatingNames: ["Đảng ủy các xã"]))
        #expect(!TaskAddressee.fallsToLowerLevel(leadNames: ["Ban Dân vận Huyện ủy"], coordinatingNames: ["Các cơ quan, đơn vị liên quan"]))
        #expect(TaskAddressee.fallsToLowerLevel(leadNames: ["Hội Nông dân huyện"], coordinatingNames: []) { $0 == "Hội Nông dân huyện" })
    }
}

@Suite("Task occurrences")
struct TaskOccurrenceTests {
    @Test("months, monthly, quarterly, a deadline, as directed and no time")
    func schedules() throws {
        #expect(OccurrenceSchedule.occurrences(of: TaskTiming(raw: "Tháng 3, 9", months: [3, 9]), year: 2025).map(\.month) == [3, 9])
        let monthly = OccurrenceSchedule.occurrences(of: TaskTiming(raw: "Hàng tháng", months: Array(1...12), recurrence: .monthly), year: 2024)
        #expect(monthly.count == 12 && monthly[1].dueOn?.description == "2024-02-29" && monthly[1].label == "Tháng 2/2024")
        let quarterly = OccurrenceSchedule.occurrences(of: TaskTiming(raw: "Hàng quý", recurrence: .quarterly), year: 2025)
        #expect(quarterly.map(\.month) == [3, 6, 9, 12] && quarterly[3].label == "Quý IV/2025" && quarterly[0].dueOn?.description == "2025-03-31")
        let deadline = try #require(CivilDate(year: 2025, month: 10, day: 15))
        let once = OccurrenceSchedule.occurrences(of: TaskTiming(raw: "Trước 15/10", deadline: deadline), year: 2025)
        #expect(once == [ScheduledOccurrence(month: 10, dueOn: deadline, label: "Hạn 15/10/2025")])
        #expect(OccurrenceSchedule.occurrences(of: TaskTiming(raw: "Theo chỉ đạo", asDirected: true), year: 2025).first?.dueOn == nil)
        #expect(OccurrenceSchedule.occurrences(of: TaskTiming(raw: ""), year: 2025).first?.dueOn?.description == "2025-12-31")
    }

    @Test("a month 13 is named")
    func badMonth() {
        #expect(TaskTiming(raw: "Tháng 13", months: [13]).problem == "Tháng 13 không tồn tại (chỉ có tháng 1 đến 12).")
        #expect(TaskTiming(raw: "Tháng 12", months: [12]).problem == nil)
    }

    @Test("states move forward, or back to in progress; timeliness as task tracking counts it")
    func statesAndTimeliness() throws {
        #expect(OccurrenceState.notStarted.canMove(to: .done))
        #expect(OccurrenceState.done.canMove(to: .inProgress))
        #expect(!OccurrenceState.done.canMove(to: .notStarted))
        #expect(!OccurrenceState.inProgress.canMove(to: .notStarted))
        let due = try #require(CivilDate(year: 2025, month: 3, day: 31))
        let before = try #require(CivilDate(year: 2025, month: 3, day: 30)), after = try #require(CivilDate(year: 2025, month: 4, day: 1))
        #expect(Timeliness.of(state: .done, dueOn: due, doneOn: due, today: after) == .doneOnTime)
        #expect(Timeliness.of(state: .done, dueOn: due, doneOn: after, today: after) == .doneLate)
        #expect(Timeliness.of(state: .inProgress, dueOn: due, doneOn: nil, today: after) == .overdue)
        #expect(Timeliness.of(state: .notStarted, dueOn: due, doneOn: nil, today: before) == .inTime)
        #expect(Timeliness.of(state: .notStarted, dueOn: nil, doneOn: nil, today: after) == .notCounted)
        #expect(Timeliness.of(state: .cannotDo, dueOn: due, doneOn: nil, today: after) == .notCounted)
    }
}

@Suite("Linking an imported plan's items to the plan above")
struct ParentMatcherTests {
    @Test("a repeated or adapted target finds its parent; an unrelated one none")
    func parents() {
        let uppers = ["Trên 85% cán bộ lãnh đạo và công chức trực tiếp phụ trách công tác dân vận được tập huấn",
                      "100% chi bộ trực thuộc xây dựng được 01 mô hình “Dân vận khéo”",
                      "Không để xảy ra điểm nóng về an ninh trật tự"]
        let children = ["80% trở lên cán bộ, công chức trực tiếp phụ trách công tác dân vận được tập huấn",
                        "100% chi bộ trực thuộc xây dựng được mô hình “Dân vận khéo”",
                        "Tổ chức 02 hội nghị đối thoại với Nhân dân", ""]
        #expect(ParentMatcher.parents(of: children, among: uppers) == [0, 1, nil, nil])
    }
}

@Suite("Evidence files")
struct EvidencePolicyTests {
    @Test("documents and photos within the limit are taken; others are named and refused")
    func files() {
        #expect(EvidencePolicy.problem(filename: "bien-ban.pdf", size: 2_000, head: Array("%PDF-1.7".utf8)) == nil)
        #expect(EvidencePolicy.problem(filename: "Ảnh.JPG", size: 2_000, head: [0xFF, 0xD8, 0xFF, 0xE0]) == nil)
        #expect(EvidencePolicy.problem(filename: "to.pdf", size: 11 * 1_048_576, head: Array("%PDF".utf8))
                == "Tệp to.pdf lớn 11 MB, vượt giới hạn 10 MB.")
        #expect(EvidencePolicy.problem(filename: "virus.exe", size: 10, head: [0x4D, 0x5A])?.contains("chỉ nhận tệp PDF") == true)
        #expect(EvidencePolicy.problem(filename: "gia.pdf", size: 10, head: [0x4D, 0x5A]) == "Tệp gia.pdf không đúng định dạng .pdf như tên tệp.")
        #expect(EvidencePolicy.problem(filename: "rong.png", size: 0, head: []) == "Tệp rong.png trống.")
        #expect(EvidencePolicy.problem(filename: "pdf", size: 10, head: Array("%PDF".utf8)) != nil)
    }
}
