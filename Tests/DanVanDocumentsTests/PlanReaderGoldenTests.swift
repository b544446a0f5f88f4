import Foundation
import Testing
import DanVanCore
@testable import DanVanDocuments

/// Each seed read from its text must give, field by field, the reading written down in its
/// golden file (checked by reading the document).
@Suite("Plan reader: the seeds against their golden readings")
struct PlanReaderGoldenTests {
    @Test("header facts", arguments: Fixtures.seeds)
    func header(seed: String) throws {
        let read = try PlanFileReader.read(Fixtures.data(seed + ".txt"), filename: seed + ".txt")
        let golden = try Fixtures.golden(seed)
        #expect(read.kind == golden.kind)
        #expect(read.documentType == golden.documentType)
        #expect(read.subject == golden.subject)
        #expect(read.year == golden.year)
        #expect(read.number == golden.number)
        #expect(read.issuedOn == golden.issuedOn)
        #expect(read.place == golden.place)
        #expect(read.issuer == golden.issuer)
        #expect(read.basis.map(\.normalized) == golden.basis.map(\.normalized))
    }

    @Test("sections, targets and tasks", arguments: Fixtures.seeds)
    func body(seed: String) throws {
        let read = try PlanFileReader.read(Fixtures.data(seed + ".txt"), filename: seed + ".txt")
        let golden = try Fixtures.golden(seed)
        #expect(read.sections == golden.sections)
        #expect(read.targets.count == golden.targets.count)
        for (got, want) in zip(read.targets, golden.targets) {
            #expect(got == want, "target on line \(want.line)")
        }
        #expect(read.tasks.count == golden.tasks.count)
        for (got, want) in zip(read.tasks, golden.tasks) {
            #expect(got == want, "task on line \(want.line)")
        }
    }

    @Test("citations, recipients, signature, warnings", arguments: Fixtures.seeds)
    func closing(seed: String) throws {
        let read = try PlanFileReader.read(Fixtures.data(seed + ".txt"), filename: seed + ".txt")
        let golden = try Fixtures.golden(seed)
        #expect(read.citations.map(\.normalized) == golden.citations.map(\.normalized))
        for (got, want) in zip(read.citations, golden.citations) {
            #expect(got == want, "citation \(want.normalized)")
        }
        #expect(read.recipients == golden.recipients)
        #expect(read.signature == golden.signature)
        #expect(read.warnings == golden.warnings)
    }

    @Test("known facts of seed 000, stated independently of the golden file")
    func seed000Facts() throws {
        let read = try PlanFileReader.read(Fixtures.data("seed-000.txt"), filename: "seed-000.txt")
        #expect(read.number?.normalized == "159-KH/HU", "taken from the appendix's 'Kèm theo Kế hoạch số 159 -KH/HU'")
        #expect(read.issuedOn == "2023-01-16")
        #expect(read.basis.map(\.normalized) == ["27-CTr/TU"])
        #expect(!read.citations.contains { $0.normalized == "159-KH/HU" }, "the plan's own number is not a citation")
        let appendix = read.tasks.filter { $0.section == "appendix" }
        #expect(appendix.count == 16, "15 rows; the first lists two items")
        #expect(appendix.first { $0.timing.raw == "Tháng 4,10" }?.timing.months == [4, 10])
        #expect(appendix.first { $0.text.hasPrefix("Tổng kết 15 năm thực hiện Nghị quyết số 25-NQ/TW") }?.lead == ["Huyện đoàn"])
        #expect(appendix.filter { $0.timing.asDirected }.count == 7)
        #expect(read.targets.first { $0.comparator == .gt }?.value == 85)
        #expect(read.signature?.name == "Cao Trang Trọng")
        let resolution25 = read.citations.filter { $0.normalized == "25-NQ/TW" }
        #expect(resolution25.map(\.issuedOn) == ["2008-07-25"])
    }

    @Test("known facts of seeds 001 and 004")
    func otherSeedFacts() throws {
        let commune = try PlanFileReader.read(Fixtures.data("seed-001.txt"), filename: "seed-001.txt")
        #expect(commune.basis.map(\.normalized) == ["101-NQ/ĐU", "226-KH/HU"])
        #expect(commune.targets.contains { $0.comparator == .ge && $0.value == 1 && $0.unit == .count })
        #expect(commune.citations.first { $0.normalized == "25-NQ/TW" }?.issuedOn == "2013-06-03")
        let office = try PlanFileReader.read(Fixtures.data("seed-004.txt"), filename: "seed-004.txt")
        #expect(office.number?.number == "")
        #expect(office.number?.style == .state)
        #expect(office.issuedOn == nil, "a draft's 'ngày tháng năm 2025' is no date")
        #expect(office.year == 2025)
        #expect(office.place == "Lai Châu")
        #expect(office.signature?.authority == "KT. CHÁNH VĂN PHÒNG")
        #expect(office.targets.map(\.comparator) == [.eq, .between])
        // "Cơ quan được đánh giá, xếp loại … loại “Tốt”": a level target, no figure.
        #expect(office.targets.first?.unit == .level)
        #expect(office.targets.first?.level == "Tốt")
        #expect(office.targets.first?.value == nil)
        #expect(commune.targets.contains { $0.unit == .level && $0.level == "Tốt" && $0.comparator == .eq })
        #expect(commune.targets.contains { $0.value == 100 && $0.subject.hasPrefix("thôn thành lập Ban Giám sát") })
        let district = try PlanFileReader.read(Fixtures.data("seed-000.txt"), filename: "seed-000.txt")
        // "trên 90% … đạt từ khá trở lên": the share is the figure, the grade its qualifier.
        #expect(district.targets.contains { $0.comparator == .gt && $0.value == 90 && $0.level == "Khá" })
    }
}
