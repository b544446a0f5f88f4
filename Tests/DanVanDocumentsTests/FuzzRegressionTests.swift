import Foundation
import Testing
@testable import DanVanDocuments

/// Inputs the fuzzer once crashed on (Fuzz/regressions): each must now be read or refused.
@Suite("Plan reader: fuzzer regressions")
struct FuzzRegressionTests {
    static var folder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/regressions")
    }

    /// A regression to the deflate hang would block for ever; the limit turns it into a failure.
    @Test("every regression input is answered, and no temporary file is left behind", .timeLimit(.minutes(1)))
    func regressions() async throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).sorted()
        #expect(!names.isEmpty)
        let before = try Self.temporaryFiles()
        for name in names {
            let data = try Data(contentsOf: Self.folder.appendingPathComponent(name))
            var answered = false
            do {
                _ = try PlanFileReader.read(data, filename: "x.docx")
                answered = true
            } catch {
                answered = !error.description.isEmpty
            }
            #expect(answered, "\(name)")
        }
        // Other suites read DOCX files in parallel; their temporary files vanish once read (give
        // a loaded CI machine ten seconds), a leaked one stays.
        var leftovers = try Self.temporaryFiles().subtracting(before)
        for _ in 0..<100 where !leftovers.isEmpty {
            try await Task.sleep(for: .milliseconds(100))
            leftovers.formIntersection(try Self.temporaryFiles())
        }
        #expect(leftovers.isEmpty)
    }

    static func temporaryFiles() throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()).filter { $0.hasPrefix(DocxArchive.temporaryFilePrefix) })
    }
}
