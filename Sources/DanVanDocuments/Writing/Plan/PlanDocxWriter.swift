import DanVanCore
import Foundation

/// Writes a stored plan as its issuing body would issue it: in its own words where they were
/// kept (`PlanBodyText`), each target and body task under the heading it was read from (by
/// line); appendix tasks, and tasks added in DanVan, in the appendix table on a landscape page.
public enum PlanDocxWriter {
    public static func docx(_ plan: PlanExport) throws -> Data {
        try OfficialDocxLayout.docx(document(plan))
    }

    static func document(_ plan: PlanExport) -> OfficialDocument {
        let word = DocumentType.planName(plan.documentType).uppercased()
        let placed = place(plan)
        var appendices: [OfficialAppendix] = []
        if !placed.appendixTasks.isEmpty {
            appendices.append(appendix(placed.appendixTasks, plan: plan))
        }
        let opening = placed.opening.isEmpty ? [opening(plan)] : placed.opening
        return OfficialDocument(header: plan.header, documentWord: word, subject: plan.subject, opening: opening,
                                sections: placed.sections, recipients: plan.recipients, signature: plan.signature,
                                appendices: appendices)
    }

    /// "Thực hiện Chương trình số 27-CTr/TU ngày 12/12/2022 của ... về ..., Huyện ủy ban hành
    /// Kế hoạch công tác dân vận năm 2023 như sau:".
    static func opening(_ plan: PlanExport) -> String {
        let kind = DocumentType.planName(plan.documentType)
        let enacting = "\(plan.issuer) ban hành \(kind) \(plan.subject.firstLetterLowercased) như sau:"
        guard !plan.basis.isEmpty else { return enacting }
        return "Thực hiện " + plan.basis.map(citation).joined(separator: "; ") + ", " + enacting
    }

    static func citation(_ basis: PlanExport.Basis) -> String {
        var text = "\(basis.typeName) số \(basis.number)"
        if let date = basis.issuedOn { text += " ngày \(date.vietnamese)" }
        if let issuer = basis.issuer, !issuer.isEmpty { text += " của \(issuer)" }
        if let subject = basis.subject.map(subjectAlone), !subject.isEmpty { text += " về \(subject)" }
        return text
    }

    /// A cited subject read from an opening sentence can run on into it ("... trong tình hình
    /// mới, Ban Thường vụ Tỉnh ủy ban hành Chương trình ... như sau"); only the subject is kept.
    static func subjectAlone(_ subject: String) -> String {
        guard let enacting = subject.range(of: " ban hành ") ?? subject.range(of: " xây dựng kế hoạch") else { return subject }
        let before = subject[..<enacting.lowerBound]
        guard let comma = before.range(of: ",", options: .backwards) ?? before.range(of: ";", options: .backwards) else { return subject }
        return String(subject[..<comma.lowerBound])
    }

    struct Placement {
        /// The opening as the document had it; empty when it must be written from the basis.
        var opening: [String]
        var sections: [OfficialSection]
        var appendixTasks: [PlanExport.Task]
    }

    static func place(_ plan: PlanExport) -> Placement {
        // A plan written in DanVan, or started from the plan above, has no headings of its own:
        // its items' lines are not lines of these headings.
        let ownHeadings = !plan.sections.isEmpty
        var sections = ownHeadings ? plan.sections.sorted { $0.line < $1.line } : defaultSections
        var items = Array(repeating: [(line: Int, item: OfficialItem)](), count: sections.count)
        func section(for line: Int) -> Int? {
            guard ownHeadings, line > 0 else { return nil }
            return sections.lastIndex { $0.line <= line && $0.line > 0 }
        }
        let kept = PlanBodyText.keep(plan, sections: sections, sectionFor: section)
        for (index, paragraphs) in kept.bySection {
            items[index] += paragraphs.map { ($0.line, .text($0.text)) }
        }
        var targetSection = sections.firstIndex { isTargetHeading($0.heading) }
        for sentence in targetSentences(plan.targets.filter { !kept.coveredLines.contains($0.line) }) {
            let index = section(for: sentence.line).flatMap { isUnderTargets($0, sections) ? $0 : nil } ?? targetSection ?? {
                sections.append(.init(number: roman(rootCount(sections) + 1), heading: "CHỈ TIÊU CỤ THỂ", depth: 0, line: Int.max - 1))
                items.append([])
                targetSection = sections.count - 1
                return sections.count - 1
            }()
            items[index].append((sentence.line, .dash(sentence.text)))
        }
        var appendixTasks: [PlanExport.Task] = []
        let taskSection = ownHeadings ? nil : sections.firstIndex { isTaskHeading($0.heading) }
        for task in plan.tasks where task.fromAppendix || !kept.coveredLines.contains(task.line) {
            let scheduled = !task.lead.isEmpty || !task.timing.isEmpty
            if !task.fromAppendix, let index = section(for: task.line) ?? (scheduled ? nil : taskSection) {
                items[index].append((task.line, .dash(task.text)))
            } else {
                appendixTasks.append(task)
            }
        }
        let written = sections.indices.map { index in
            OfficialSection(number: sections[index].number, heading: sections[index].heading, depth: sections[index].depth,
                            items: items[index].sorted { $0.line < $1.line }.map(\.item))
        }
        return Placement(opening: kept.opening, sections: written, appendixTasks: appendixTasks)
    }

    /// Targets read from one sentence ("95% trở lên ... có 01 mô hình") go back into one
    /// sentence, so each keeps the words around it. The stored fragments have lost what joined
    /// them (a space, a full stop, a semicolon), so the first joining that the reader splits into
    /// the same targets (text and subject) again is kept; failing that, each gets its own line.
    static func targetSentences(_ targets: [PlanExport.Target]) -> [PlanExport.Target] {
        var groups: [[PlanExport.Target]] = []
        for target in targets {
            if target.line > 0, let last = groups.last?.last, last.line == target.line {
                groups[groups.count - 1].append(target)
            } else {
                groups.append([target])
            }
        }
        return groups.flatMap { group -> [PlanExport.Target] in
            guard group.count > 1 else { return group }
            let texts = group.map(\.text)
            let wanted = group.map { [$0.text, $0.subject] }
            for separator in ["; ", ". ", ", ", " "] {
                let sentence = texts.joined(separator: separator)
                if TargetParser.targets(in: sentence, lineNumber: 0).map({ [$0.text, $0.subject] }) == wanted {
                    return [PlanExport.Target(text: sentence, subject: "", line: group[0].line)]
                }
            }
            return group
        }
    }

    /// The headings a plan written in DanVan gets: where the reader looks for targets and tasks.
    static let defaultSections: [PlanExport.Section] = [
        .init(number: "I", heading: "MỤC ĐÍCH, YÊU CẦU", depth: 0, line: 1),
        .init(number: "II", heading: "CHỈ TIÊU CỤ THỂ", depth: 0, line: 2),
        .init(number: "III", heading: "NHIỆM VỤ, GIẢI PHÁP", depth: 0, line: 3),
        .init(number: "IV", heading: "TỔ CHỨC THỰC HIỆN", depth: 0, line: 4),
    ]

    static func isTargetHeading(_ heading: String) -> Bool {
        let folded = VietnameseFolding.fold(heading)
        return folded.contains("chi tieu") || folded.contains("muc tieu cu the")
    }

    static func isTaskHeading(_ heading: String) -> Bool {
        let folded = VietnameseFolding.fold(heading)
        return folded.contains("nhiem vu") || folded.contains("giai phap")
    }

    /// Whether the section or a heading above it is about targets.
    private static func isUnderTargets(_ index: Int, _ sections: [PlanExport.Section]) -> Bool {
        var depth = sections[index].depth + 1
        for candidate in sections[...index].reversed() where candidate.depth < depth {
            if isTargetHeading(candidate.heading) { return true }
            depth = candidate.depth
        }
        return false
    }

    private static func rootCount(_ sections: [PlanExport.Section]) -> Int {
        sections.filter { $0.depth == 0 }.count
    }

    static func roman(_ value: Int) -> String {
        ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][max(0, min(value, 10) - 1)]
    }

    private static func appendix(_ tasks: [PlanExport.Task], plan: PlanExport) -> OfficialAppendix {
        var rows: [[[String]]] = []
        var lastGroup: String?
        var counter = tasks.compactMap { $0.group.flatMap(Int.init) }.max() ?? 0
        for task in tasks {
            let group: String
            if let stated = task.group {
                group = stated
            } else {
                counter += 1
                group = String(counter)
            }
            rows.append([group == lastGroup ? [] : [group], [task.text], [task.timing], task.lead, task.coordinating])
            lastGroup = group
        }
        let kind = DocumentType.planName(plan.documentType)
        return OfficialAppendix(
            title: "PHỤ LỤC",
            note: "(Kèm theo \(kind) \(plan.header.numberInText) của \(plan.issuer))",
            columns: [.init("Stt", weight: 6, centered: true), .init("Nội dung", weight: 44), .init("Thời gian", weight: 14, centered: true),
                      .init("Cơ quan, đơn vị chủ trì thực hiện", weight: 18), .init("Cơ quan, đơn vị phối hợp", weight: 18)],
            rows: rows)
    }
}
