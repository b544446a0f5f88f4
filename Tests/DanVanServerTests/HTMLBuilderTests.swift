import DanVanCore
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import DanVanServer

@Suite("HTML made in Swift escapes by construction")
struct HTMLBuilderTests {
    @Test("text and attribute values are escaped; nil attributes are left out, empty ones written bare")
    func escapes() {
        let html = el("a", ["href": "/units/\"><script>", "class": nil, "download": ""]) { "<b>Tom & 'Jerry'</b>" }
        #expect(html.rendered == #"<a href="/units/&quot;&gt;&lt;script&gt;" download>&lt;b&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt;</a>"#)
    }

    @Test("a unit named with markup prints as text on the tree and on the dashboard", arguments: TestDatabase.all)
    func namesStayText(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let setup = try await ReportingFixture.make(app)
            let hostile = "<img src=x onerror=alert(1)> Xã \"Thử\""
            let commune = try await setup.fixture.unit("T-C")
            _ = try await UnitEditing.perform(code: "T-C", with: UnitDraft(code: "T-C", name: hostile, kind: commune.kind, level: commune.level),
                                              reportsToCode: nil, readVersion: commune.version, by: .commandLine, on: app.db)
            let admin = try await setup.fixture.browser(for: try await setup.fixture.user("quantri", .admin, at: nil))
            for path in ["/units", "/dashboard/T-D?period=\(setup.period.code)", "/units/T-C"] {
                let page = try await app.page(.GET, path, headers: admin)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.body.string.contains("<img src=x"), "\(path) printed the name as markup")
                #expect(page.body.string.contains("&lt;img src=x onerror=alert(1)&gt;"), "\(path) lost the name")
            }
        }
    }

    /// The server builds markup only through `HTML`; a string literal that opens a tag anywhere
    /// else in its sources would be markup made by concatenation.
    @Test("no Swift source of the server writes a tag in a string literal outside the builder")
    func onlyTheBuilderMakesMarkup() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/DanVanServer")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" && $0.lastPathComponent != "HTML.swift" } ?? []
        #expect(files.count > 50)
        let tagInLiteral = try Regex(#""[^"\n]*<[a-zA-Z/!][^"\n]*""#)
        var offenders: [String] = []
        for file in files {
            for (number, line) in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(tagInLiteral) {
                offenders.append("\(file.lastPathComponent):\(number + 1)")
            }
        }
        #expect(offenders.isEmpty, "markup built outside HTML: \(offenders)")
    }
}

@Suite("Assets")
struct AssetTests {
    @Test("pages link the stylesheet by a content hash; it is cached for a year while pages are not", arguments: TestDatabase.all)
    func fingerprinted(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            let login = try await app.page(.GET, "/login", headers: [:])
            let href = try #require(login.body.string.firstMatch(of: try Regex(#"href="(/assets/app\.[0-9a-f]{10}\.css)""#))?.output[1].substring)
            let css = try await app.page(.GET, String(href), headers: [:])
            #expect(css.status == .ok && css.headers.first(name: .cacheControl) == Assets.cacheControl)
            #expect(css.headers.contentType?.subType == "css" && css.body.string.contains("body"))
            #expect(try await app.page(.GET, "/assets/app.0000000000.css", headers: [:]).status == .notFound)
        }
    }
}
