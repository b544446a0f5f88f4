import DanVanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Units CSV import and export")
struct UnitImportTests {
    @Test("a file with bad rows reports every one with its line and imports nothing", arguments: TestDatabase.all)
    func badRows(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await Fixture.tree(app)
            let csv = """
                code,name,kind,level,parent_code
                T-N1,Chi bộ thôn Sáng Pả,party_cell,grassroots,T-C
                T-N2,,party_cell,grassroots,T-C
                T-N3,Chi bộ thôn Séo Lủng,chibo,grassroots,T-C
                T-N1,Trùng mã,party_cell,grassroots,T-C
                T-N5,Không cấp trên,party_cell,grassroots,T-KHONG
                """
            let error = await #expect(throws: AppError.self) {
                _ = try await UnitsCSVImport.perform(Data(csv.utf8), by: .commandLine, on: app.db)
            }
            let lines = error?.issues.compactMap(\.line) ?? []
            #expect(Set(lines) == [3, 4, 5, 6])
            #expect(error?.issues.first { $0.line == 5 }?.message.contains("trùng với dòng 2") == true)
            #expect(try await OrgUnit.query(on: app.db).count() == 6)
        }
    }

    @Test("a file whose rows pass but whose store fails on row N is rolled back whole", arguments: TestDatabase.all)
    func rollbackOnStoreFailure(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            _ = try await Fixture.tree(app)
            let csv = """
                code,name,kind,level,parent_code
                T-N1,Chi bộ thôn Sáng Pả,party_cell,grassroots,T-C
                T-D,Huyện ủy Đồng Văn,party_committee,district,T-X
                """
            let error = await #expect(throws: AppError.self) {
                _ = try await UnitsCSVImport.perform(Data(csv.utf8), by: .commandLine, on: app.db)
            }
            #expect(error?.reason.contains("Dòng 3") == true)
            #expect(try await UnitQueries.find(code: "T-N1", on: app.db) == nil)
            #expect(try await OrgUnit.query(on: app.db).count() == 6)
        }
    }

    @Test("export then import into an empty database gives the same units", arguments: TestDatabase.all)
    func roundTrip(database: TestDatabase) async throws {
        var exported = Data()
        try await withTestApp(database) { app in
            _ = try await Fixture.tree(app)
            let commune = try await Fixture(app: app).unit("T-C")
            _ = try await UnitEditing.perform(code: "T-C", with: .init(code: "T-C", name: commune.name, shortName: "Xã Lũng Cú",
                                                                    kind: "party_committee", level: "commune"),
                                           reportsToCode: "T-O", readVersion: 1, by: .commandLine, on: app.db)
            exported = try await UnitExporter.csv(rootIDs: nil, on: app.db)
        }
        try await withTestApp(database) { app in
            let summary = try await UnitsCSVImport.perform(exported, by: .commandLine, on: app.db)
            #expect(summary.created == 6)
            let commune = try await Fixture(app: app).unit("T-C")
            #expect(commune.shortName == "Xã Lũng Cú")
            #expect(try await UnitQueries.dto(commune, on: app.db).reportsToCode == "T-O")
            #expect(try await UnitClosure.depth(from: (try await Fixture(app: app).unit("T-P")).requireID,
                                                to: (try await Fixture(app: app).unit("T-X")).requireID, on: app.db) == 3)
            let again = try await UnitExporter.csv(rootIDs: nil, on: app.db)
            #expect(again == exported)
        }
    }

    @Test("a manager cannot import units outside their subtree", arguments: TestDatabase.all)
    func outsideSubtree(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let token = try await fixture.token(for: try await fixture.user("ql", .manager, at: "T-D"))
            var headers = HTTPHeaders()
            headers.bearerAuthorization = BearerAuthorization(token: token)
            headers.contentType = HTTPMediaType(type: "text", subType: "csv")
            let csv = "code,name,kind,level,parent_code\nT-N1,Chi bộ mới,party_cell,grassroots,T-S\n"
            let response = try await app.testing().sendRequest(.POST, "/api/units/import", headers: headers, body: ByteBuffer(string: csv))
            #expect(response.status == .forbidden)
            #expect(try await UnitQueries.find(code: "T-N1", on: app.db) == nil)
            let inside = "code,name,kind,level,parent_code\nT-N1,Chi bộ mới,party_cell,grassroots,T-C\n"
            let ok = try await app.testing().sendRequest(.POST, "/api/units/import", headers: headers, body: ByteBuffer(string: inside))
            #expect(ok.status == .ok)
            #expect(try await UnitQueries.find(code: "T-N1", on: app.db) != nil)
        }
    }
}
