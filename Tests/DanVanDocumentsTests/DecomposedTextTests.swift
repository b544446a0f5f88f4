import Foundation
import Testing
import DanVanCore
@testable import DanVanDocuments

/// Some Vietnamese keyboards ("Unicode tổ hợp") type tone marks as separate combining marks.
/// Such a file must read exactly as the composed one does.
@Suite("Plan reader: decomposed Vietnamese")
struct DecomposedTextTests {
    @Test("a seed typed with combining marks reads as the composed seed", arguments: Fixtures.seeds)
    func decomposedSeedReadsTheSame(seed: String) throws {
        let composed = try Fixtures.data(seed + ".txt")
        let text = try #require(String(data: composed, encoding: .utf8))
        let decomposed = Data(text.decomposedStringWithCanonicalMapping.utf8)
        #expect(decomposed != composed, "the fixture should hold letters that decompose")
        let expected = try PlanFileReader.read(composed, filename: seed + ".txt")
        let read = try PlanFileReader.read(decomposed, filename: seed + ".txt")
        #expect(read == expected)
        #expect(!read.tasks.isEmpty)
    }
}
