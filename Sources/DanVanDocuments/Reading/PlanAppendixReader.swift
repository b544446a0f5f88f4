import DanVanCore
import Foundation

/// The appendix schedule table: Stt, Nội dung, Thời gian, Chủ trì, Phối hợp. A row whose
/// number cell is blank continues the numbered group above; a cell listing several items gives
/// one task per item.
enum PlanAppendixReader {
    struct Columns {
        var number: Int?
        var content: Int
        var timing: Int?
        var lead: Int?
        var coordinating: Int?
    }

    static func columns(of row: PlanLine) -> Columns? {
        guard let cells = row.cells else { return nil }
        let folded = cells.map { VietnameseFolding.fold($0.joined(separator: " ")) }
        guard let content = folded.firstIndex(where: { $0.containsLiteral("noi dung") || $0.containsLiteral("nhiem vu") }),
              folded.contains(where: { $0.containsLiteral("thoi gian") || $0.containsLiteral("thoi han") }) else { return nil }
        return Columns(number: folded.firstIndex { $0 == "stt" || $0 == "tt" || $0.hasPrefix("so tt") },
                       content: content,
                       timing: folded.firstIndex { $0.containsLiteral("thoi gian") || $0.containsLiteral("thoi han") },
                       lead: folded.firstIndex { $0.containsLiteral("chu tri") },
                       coordinating: folded.firstIndex { $0.containsLiteral("phoi hop") })
    }

    static func tasks(_ lines: [PlanLine], planYear: Int?, warnings: inout [PlanDocument.Warning]) -> (tasks: [PlanDocument.Task], headerIndex: Int?) {
        guard let headerIndex = lines.firstIndex(where: { columns(of: $0) != nil }), let columns = columns(of: lines[headerIndex]) else {
            return ([], nil)
        }
        var tasks: [PlanDocument.Task] = []
        var group: String?
        for line in lines[(headerIndex + 1)...] {
            guard let cells = line.cells else {
                if line.text.isEmpty { continue }
                break
            }
            func cell(_ index: Int?) -> [String] { index.flatMap { $0 < cells.count ? cells[$0] : nil } ?? [] }
            let number = cell(columns.number).joined(separator: " ").trimmingCharacters(in: .whitespaces)
            if !number.isEmpty { group = number }
            let timingText = cell(columns.timing).joined(separator: " ")
            let parsed = TaskTimingParser.parse(timingText, planYear: planYear)
            if let problem = parsed.problem { warnings.append(.init(line: line.number, message: problem)) }
            let lead = UnitNameList.split(cell(columns.lead))
            let coordinating = UnitNameList.split(cell(columns.coordinating))
            for item in cell(columns.content) {
                let text = ItemMarker.strip(item, numbering: .none)
                guard !text.isEmpty else { continue }
                tasks.append(PlanDocument.Task(text: text, section: "appendix", group: group, timing: .init(parsed.timing),
                                               lead: lead, coordinating: coordinating, line: line.number))
            }
            if lead.isEmpty, !cell(columns.content).isEmpty {
                warnings.append(.init(line: line.number, message: "Dòng phụ lục không ghi cơ quan chủ trì."))
            }
        }
        return (tasks, headerIndex)
    }
}
