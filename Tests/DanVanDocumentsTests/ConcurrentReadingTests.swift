import Foundation
import Testing
import DanVanCore
@testable import DanVanDocuments

/// The server reads uploads on many threads at once; every reading must equal the one made alone.
@Suite("Plan reader: concurrent readings")
struct ConcurrentReadingTests {
    @Test("sixteen parallel readings of each seed equal the single reading")
    func parallelReadingsAgree() async throws {
        for name in ["seed-000.docx", "seed-000.txt", "seed-001.txt"] {
            let data = try Fixtures.data(name)
            let alone = try PlanFileReader.read(data, filename: name)
            let readings = try await withThrowingTaskGroup(of: PlanDocument.self) { group in
                for _ in 0..<16 {
                    group.addTask { try await Task.detached { try PlanFileReader.read(data, filename: name) }.value }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(readings.count == 16)
            #expect(readings.allSatisfy { $0 == alone }, "\(name) read differently when read in parallel")
        }
    }
}
