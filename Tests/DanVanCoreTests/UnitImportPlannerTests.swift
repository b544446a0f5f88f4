import Testing
@testable import DanVanCore

@Suite("Units import planner")
struct UnitImportPlannerTests {
    private let header = ["code", "name", "kind", "level", "parent_code"]

    @Test("children listed before their parents come out parents first")
    func ordersParentsFirst() throws {
        let rows: [(line: Int, cells: [String])] = [
            (2, ["X", "Chi bộ", "party_cell", "grassroots", "C"]),
            (3, ["C", "Đảng ủy xã", "party_committee", "commune", "D"]),
            (4, ["D", "Huyện ủy", "party_committee", "district", "P"]),
        ]
        let plan = try UnitImportPlanner.plan(header: header, rows: rows, existingCodes: ["P"]).get()
        #expect(plan.map(\.unit.code) == ["D", "C", "X"])
    }

    @Test("Vietnamese headers with or without tone marks are accepted")
    func vietnameseHeaders() throws {
        let rows: [(line: Int, cells: [String])] = [(2, ["A", "Tỉnh ủy", "party_committee", "province", ""])]
        let plan = try UnitImportPlanner.plan(header: ["Mã", "Ten", "LOẠI", "Cấp", "Mã cấp trên"], rows: rows, existingCodes: []).get()
        #expect(plan.first?.unit.name == "Tỉnh ủy")
        #expect(plan.first?.parentCode == nil)
    }

    @Test("a loop of parents inside the file is reported on every row in it")
    func cycle() {
        let rows: [(line: Int, cells: [String])] = [
            (2, ["A", "A", "other", "commune", "B"]),
            (3, ["B", "B", "other", "commune", "A"]),
        ]
        guard case .failure(let failure) = UnitImportPlanner.plan(header: header, rows: rows, existingCodes: []) else {
            Issue.record("a cycle must fail")
            return
        }
        #expect(failure.issues.map(\.line) == [2, 3])
        #expect(failure.issues.allSatisfy { $0.message.contains("vòng lặp") })
    }

    @Test("missing required columns are named", arguments: [["code", "name"], ["ma", "ten", "loai"]])
    func missingColumns(header: [String]) {
        guard case .failure(let failure) = UnitImportPlanner.plan(header: header, rows: [(2, ["A"])], existingCodes: []) else {
            Issue.record("missing columns must fail")
            return
        }
        #expect(failure.issues.first?.message.contains("Thiếu cột bắt buộc") == true)
        #expect(failure.issues.first?.message.contains("level") == true)
    }
}
