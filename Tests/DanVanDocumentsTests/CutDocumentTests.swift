import Foundation
import Testing
import DanVanCore
@testable import DanVanDocuments

/// A document cut short (a page missing, a paste that stopped) must not gain a signature, a
/// recipient or a date from what is left: every such field is in the kept part or is null.
@Suite("Plan reader: never invent")
struct CutDocumentTests {
    @Test("a seed cut at ten points shows no signature, recipient or date that is not in the kept part", arguments: Fixtures.seeds)
    func cutSeeds(seed: String) throws {
        let text = try #require(String(data: Fixtures.data(seed + ".txt"), encoding: .utf8))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for cut in 1...10 {
            let kept = lines.prefix(lines.count * cut / 10).joined(separator: "\n")
            let plan = PlanReader.read(TextPlanSource.lines(from: kept))
            let keptText = TextPlanSource.lines(from: kept).map(\.text).joined(separator: "\n")
            if let signature = plan.signature {
                for part in [signature.authority, signature.position, signature.name].compactMap({ $0 }) {
                    #expect(keptText.contains(part), "\(seed) cut at \(cut)/10: signature \(part) is not in the kept text")
                }
            }
            for recipient in plan.recipients {
                #expect(keptText.contains(recipient), "\(seed) cut at \(cut)/10: recipient \(recipient)")
            }
            if let date = plan.issuedOn {
                #expect(datesWritten(in: keptText).contains(date), "\(seed) cut at \(cut)/10: date \(date) is not in the kept text")
            }
            if cut < 10, plan.kind == .plan, plan.signature == nil, plan.recipients.isEmpty {
                #expect(plan.warnings.contains { $0.message.contains("có vẻ bị cắt") }, "\(seed) cut at \(cut)/10 has no cut-short warning")
            }
        }
    }

    @Test("a heading or a title is never read as a signature")
    func headingsAreNoSignature() {
        let text = """
        KẾ HOẠCH
        Công tác dân vận năm 2024
        I. MỤC ĐÍCH, YÊU CẦU
        1. Mục đích
        Nâng cao chất lượng công tác dân vận của hệ thống chính trị.
        II. NHIỆM VỤ
        1. Nhiệm vụ trọng tâm
        """
        let plan = PlanReader.read(TextPlanSource.lines(from: text))
        #expect(plan.signature == nil)
        #expect(plan.recipients.isEmpty)
        #expect(plan.issuedOn == nil)
        #expect(plan.warnings.contains { $0.message.contains("dừng ở dòng 7") })
    }

    private func datesWritten(in text: String) -> Set<String> {
        var dates: Set<String> = []
        var rest = Substring(text)
        while let found = VietnameseDate.first(in: String(rest)) {
            dates.insert(found.date.description)
            let string = String(rest)
            rest = Substring(string[found.range.upperBound...])
        }
        return dates
    }
}
