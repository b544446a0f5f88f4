import Fluent
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("Units CSV upload page")
struct UnitImportPageTests {
    private func upload(_ csv: String, headers: HTTPHeaders, app: Application) async throws -> TestingHTTPResponse {
        let boundary = "----danvan-test"
        var headers = headers
        headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        let body = """
            --\(boundary)\r
            Content-Disposition: form-data; name="_csrf"\r
            \r
            csrf-test-token\r
            --\(boundary)\r
            Content-Disposition: form-data; name="file"; filename="don-vi.csv"\r
            Content-Type: text/csv\r
            \r
            \(csv)\r
            --\(boundary)--\r

            """
        return try await app.testing().sendRequest(.POST, "/units/import", headers: headers, body: ByteBuffer(string: body))
    }

    @Test("a bad upload lists each bad line and stores nothing; a good one reports what it did", arguments: TestDatabase.all)
    func uploadThroughTheForm(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let headers = try await fixture.browser(for: try await fixture.user("ql", .manager, at: "T-D"))
            let bad = "code,name,kind,level,parent_code\nT-N1,Chi bộ A,party_cell,grassroots,T-C\nT-N2,Chi bộ B,party_cell,xa,T-C\n"
            let refused = try await upload(bad, headers: headers, app: app)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.body.string.contains("Không nhập đơn vị nào"))
            #expect(refused.body.string.contains("<td>3</td>"))
            #expect(try await UnitQueries.find(code: "T-N1", on: app.db) == nil)
            let good = "code,name,kind,level,parent_code\nT-N1,Chi bộ A,party_cell,grassroots,T-C\n"
            let accepted = try await upload(good, headers: headers, app: app)
            #expect(accepted.status == .ok)
            #expect(accepted.body.string.contains("1 đơn vị mới"))
            #expect(try await UnitQueries.find(code: "T-N1", on: app.db) != nil)
        }
    }

    @Test("a reporter may not open the import page", arguments: [TestDatabase.sqlite])
    func reporterRefused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let fixture = try await Fixture.tree(app)
            let headers = try await fixture.browser(for: try await fixture.user("bc", .reporter, at: "T-D"))
            #expect(try await app.page(.GET, "/units/import", headers: headers).status == .forbidden)
            #expect(try await app.page(.GET, "/users", headers: headers).status == .forbidden)
        }
    }
}
