import DanVanCore
@testable import DanVanDocuments

/// Every fact a reading gives, without line numbers: what must not change when the same plan
/// arrives wrapped differently, as DOCX, or as PDF.
struct PlanFacts: Equatable, CustomStringConvertible {
    let kind: PlanDocument.Kind
    let header: [String?]
    let citations: [String]
    let structure: PlanStructure

    init(_ plan: PlanDocument) {
        kind = plan.kind
        header = [plan.documentType, plan.subject, plan.year.map(String.init), plan.issuedOn, plan.place, plan.issuer, plan.theme, plan.motto]
        citations = plan.citations.map { "\($0.normalized) \($0.issuedOn ?? "-")" }
        structure = PlanStructure(plan)
    }

    var description: String {
        "\(kind) \(header.map { $0 ?? "nil" }) citations \(citations.count); \(structure)"
    }

    /// The first difference, named, for a readable failure.
    func difference(from other: PlanFacts) -> String? {
        if kind != other.kind { return "kind \(kind) ≠ \(other.kind)" }
        if header != other.header { return "header \(header) ≠ \(other.header)" }
        if citations != other.citations { return "citations \(citations) ≠ \(other.citations)" }
        let mine = structure, theirs = other.structure
        if mine.number != theirs.number { return "number \(mine.number ?? "-") ≠ \(theirs.number ?? "-")" }
        if mine.basis != theirs.basis { return "basis \(mine.basis) ≠ \(theirs.basis)" }
        if mine.sections != theirs.sections { return "sections \(Set(mine.sections).symmetricDifference(theirs.sections))" }
        if mine.targets != theirs.targets { return "targets \(Set(mine.targets).symmetricDifference(theirs.targets))" }
        if mine.tasks != theirs.tasks {
            let pairs = zip(mine.tasks, theirs.tasks).first { $0 != $1 }
            return "tasks \(mine.tasks.count) vs \(theirs.tasks.count): \(String(describing: pairs))"
        }
        if mine.recipients != theirs.recipients { return "recipients \(mine.recipients) ≠ \(theirs.recipients)" }
        if mine.signature != theirs.signature { return "signature \(String(describing: mine.signature)) ≠ \(String(describing: theirs.signature))" }
        return nil
    }
}

/// Breaks text as a web page, a PDF or `fold -s` does: every line longer than the width is cut
/// at the last space before it; table rows (tab-separated) and blank lines stay as they are.
enum Rewrap {
    static func text(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            if line.contains("\t") || line.contains("<td") || line.count <= width { return line }
            var lines: [String] = []
            var current = ""
            for word in line.split(separator: " ", omittingEmptySubsequences: true) {
                if current.isEmpty {
                    current = String(word)
                } else if current.count + 1 + word.count <= width {
                    current += " " + word
                } else {
                    lines.append(current)
                    current = String(word)
                }
            }
            if !current.isEmpty { lines.append(current) }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }

    /// A DOCX's lines as the text a clerk would copy from it: paragraphs, table rows with tabs.
    static func plainText(_ lines: [PlanLine], blankLineBetween: Bool = false) -> String {
        lines.map { line in
            line.cells.map { $0.map { $0.joined(separator: "<br>") }.joined(separator: "\t") } ?? line.text
        }.filter { !blankLineBetween || !$0.isEmpty }.joined(separator: blankLineBetween ? "\n\n" : "\n")
    }
}
