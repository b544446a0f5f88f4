import DanVanCore
import Fluent
import SQLKit
import Testing
import Vapor
@testable import DanVanServer

@Suite("Unit tree storage")
struct UnitStoreTests {
    /// Every (ancestor, descendant, depth) row, as "A>B:1".
    private func closure(_ app: Application) async throws -> Set<String> {
        let sql = try #require(app.db as? any SQLDatabase)
        let rows = try await sql.raw("""
            SELECT a.code AS a, d.code AS d, c.depth AS depth FROM unit_closure c
            JOIN units a ON a.id = c.ancestor_id JOIN units d ON d.id = c.descendant_id
            """).all()
        return Set(try rows.map { "\(try $0.decode(column: "a", as: String.self))>\(try $0.decode(column: "d", as: String.self)):\(try $0.decode(column: "depth", as: Int.self))" })
    }

    @Test("creating units fills the closure table with every path", arguments: TestDatabase.all)
    func closureOnCreate(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await Fixture.tree(app)
            let rows = try await closure(app)
            #expect(rows.contains("T-P>T-X:3"))
            #expect(rows.contains("T-D>T-X:2"))
            #expect(rows.contains("T-X>T-X:0"))
            #expect(!rows.contains { $0.hasPrefix("T-O>") && $0 != "T-O>T-O:0" })
            #expect(rows.count == 13, "P:5, D:3, C:2, X, S, O: 1 each")
        }
    }

    @Test("moving a unit moves its whole subtree in the closure", arguments: TestDatabase.all)
    func closureOnMove(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let commune = try await fixture.unit("T-C")
            _ = try await UnitMoving.perform(code: "T-C", toParent: "T-S", readVersion: commune.version, by: .commandLine, on: app.db)
            let rows = try await closure(app)
            #expect(rows.contains("T-S>T-X:2"))
            #expect(rows.contains("T-P>T-X:3"))
            #expect(!rows.contains("T-D>T-X:2"))
            #expect(!rows.contains("T-D>T-C:1"))
            #expect(try await fixture.unit("T-C").version == commune.version + 1)
        }
    }

    @Test("a move that would make a cycle is refused and changes nothing", arguments: TestDatabase.all)
    func cycleRefused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let before = try await closure(app)
            let district = try await fixture.unit("T-D")
            let error = await #expect(throws: AppError.self) {
                _ = try await UnitMoving.perform(code: "T-D", toParent: "T-X", readVersion: district.version, by: .commandLine, on: app.db)
            }
            #expect(error?.status == .unprocessableEntity)
            #expect(error?.field == "parentCode")
            #expect(error?.reason.contains("vòng lặp") == true)
            #expect(try await closure(app) == before)
            #expect(try await fixture.unit("T-D").parentID == (try await fixture.unit("T-P")).id)
        }
    }

    @Test("bad unit input is refused with the field named and nothing stored", arguments: TestDatabase.all)
    func badInputs(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await Fixture.tree(app)
            let cases: [(UnitDraft, String?, String, String)] = [
                (UnitDraft(code: "T-D", name: "Trùng mã", kind: "party_cell", level: "grassroots"), "T-P", "code", "đã được dùng"),
                (UnitDraft(code: "T-NEW", name: "", kind: "party_cell", level: "grassroots"), "T-P", "name", "bắt buộc"),
                (UnitDraft(code: "T-NEW", name: String(repeating: "Đ", count: 201), kind: "party_cell", level: "grassroots"), "T-P", "name", "tối đa 200"),
                (UnitDraft(code: "T-NEW", name: "Chi bộ", kind: "party_cell", level: "grassroots",
                           validFrom: "2025-07-01", validTo: "2025-06-30"), "T-P", "validTo", "trước ngày bắt đầu"),
                (UnitDraft(code: "T-NEW", name: "Chi bộ", kind: "chi_bo", level: "grassroots"), "T-P", "kind", "không hợp lệ"),
                (UnitDraft(code: "T-NEW", name: "Tỉnh mới", kind: "party_committee", level: "province"), "T-C", "level", "không thể trực thuộc"),
                (UnitDraft(code: "T-NEW", name: "Chi bộ", kind: "party_cell", level: "grassroots"), "T-NONE", "parentCode", "Không tìm thấy"),
                (UnitDraft(code: "có dấu", name: "Chi bộ", kind: "party_cell", level: "grassroots"), "T-P", "code", "không dấu"),
            ]
            for (draft, parent, field, message) in cases {
                let error = await #expect(throws: AppError.self) {
                    _ = try await UnitCreation.perform(draft, parentCode: parent, reportsToCode: nil, by: .commandLine, on: app.db)
                }
                #expect(error?.field == field, "\(draft)")
                #expect(error?.reason.contains(message) == true, "\(error?.reason ?? "")")
            }
            #expect(try await OrgUnit.query(on: app.db).count() == 6)
            #expect(try await AuditEntry.query(on: app.db).count() == 6)
        }
    }

    @Test("ending a unit keeps it with its successors; ending one with active children is refused", arguments: TestDatabase.all)
    func ending(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let district = try await fixture.unit("T-D")
            let refused = await #expect(throws: AppError.self) {
                _ = try await UnitEnding.perform(code: "T-D", on: "2025-06-30", successorCodes: ["T-S"], readVersion: district.version,
                                            by: .commandLine, on: app.db)
            }
            #expect(refused?.reason.contains("đơn vị trực thuộc đang hoạt động") == true)
            let commune = try await fixture.unit("T-C")
            _ = try await UnitMoving.perform(code: "T-C", toParent: "T-P", readVersion: commune.version, by: .commandLine, on: app.db)
            let ended = try await UnitEnding.perform(code: "T-D", on: "30/06/2025", successorCodes: ["T-S", "T-C"],
                                                readVersion: district.version, by: .commandLine, on: app.db)
            #expect(ended.validTo == "2025-06-30")
            #expect(try await UnitQueries.successorCodes(of: ended.requireID, on: app.db) == ["T-C", "T-S"])
            #expect(!ended.isActive(on: CivilDate(year: 2025, month: 7, day: 1)!))
            #expect(ended.isActive(on: CivilDate(year: 2025, month: 6, day: 30)!))
            #expect(try await OrgUnit.query(on: app.db).count() == 6, "an ended unit is never deleted")
        }
    }

    @Test("search ignores tone marks and case and folds đ", arguments: TestDatabase.all)
    func search(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await Fixture.tree(app)
            let byFolded = try await UnitQueries.search("dang uy xa", within: nil, on: app.db).map(\.code)
            #expect(byFolded == ["T-C"])
            let byD = try await UnitQueries.search("DONG VAN", within: nil, on: app.db).map(\.code)
            #expect(byD == ["T-D"])
            let byAccents = try await UnitQueries.search("Lô Lô", within: nil, on: app.db).map(\.code)
            #expect(byAccents == ["T-X"])
            let wildcard = try await UnitQueries.search("%", within: nil, on: app.db)
            #expect(wildcard.isEmpty, "LIKE wildcards in a query are literal")
            let scoped = try await UnitQueries.search("huyen uy", within: [try await Fixture(app: app).unit("T-D").requireID], on: app.db)
            #expect(scoped.map(\.code) == ["T-D"])
        }
    }
}

@Suite("Ending units: bad dates")
struct UnitEndingTests {
    @Test("an end date before the unit began, or not a date, is refused and nothing changes", arguments: TestDatabase.all)
    func badEndDates(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await UnitCreation.perform(UnitDraft(code: "X-1", name: "Xã mới", kind: "peoples_committee", level: "commune",
                                                     validFrom: "2025-07-01"),
                                           parentCode: nil, reportsToCode: nil, by: .commandLine, on: app.db)
            for (date, message) in [("2025-06-30", "trước ngày bắt đầu"), ("31/02/2025", "không hợp lệ")] {
                let error = await #expect(throws: AppError.self) {
                    _ = try await UnitEnding.perform(code: "X-1", on: date, successorCodes: [], readVersion: 1, by: .commandLine, on: app.db)
                }
                #expect(error?.field == "validTo")
                #expect(error?.reason.contains(message) == true)
            }
            let unknownSuccessor = await #expect(throws: AppError.self) {
                _ = try await UnitEnding.perform(code: "X-1", on: "2026-01-01", successorCodes: ["KHONG-CO"], readVersion: 1,
                                            by: .commandLine, on: app.db)
            }
            #expect(unknownSuccessor?.field == "successorCodes")
            let unit = try await UnitQueries.require(code: "X-1", on: app.db)
            #expect(unit.validTo == nil)
            #expect(unit.version == 1)
        }
    }
}
