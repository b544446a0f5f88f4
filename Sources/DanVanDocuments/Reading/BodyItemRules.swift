import DanVanCore

/// Which body paragraphs become targets or tasks, by the headings above them (folded, from the
/// top down). The reader applies these rules; the plan writer asks them whether a kept
/// paragraph would read back as an item.
enum BodyItemRules {
    static func isTargetSection(_ path: [String]) -> Bool {
        path.contains { $0.containsLiteral("chi tieu") || $0.containsLiteral("muc tieu cu the") }
    }

    static func isTaskSection(_ path: [String]) -> Bool {
        !isTargetSection(path) && path.contains { $0.containsLiteral("nhiem vu") || $0.containsLiteral("giai phap") }
    }

    static func isImplementationSection(_ path: [String]) -> Bool {
        path.contains { $0.containsLiteral("to chuc thuc hien") }
    }

    /// The targets of a paragraph under a targets heading.
    static func targets(in text: String, line: Int) -> [ParsedTarget] {
        TargetParser.targets(in: ItemMarker.strip(text), lineNumber: line)
    }

    /// The task a paragraph is under a tasks heading, or under "Tổ chức thực hiện" when it
    /// names a lead unit.
    static func task(from text: String, line: Int, section: String, path: [String], planYear: Int? = nil) -> PlanDocument.Task? {
        let implementation = isImplementationSection(path)
        guard implementation || isTaskSection(path) else { return nil }
        let stripped = ItemMarker.strip(text)
        guard !stripped.isShorter(than: 11) else { return nil }
        let deadline = DeadlinePhrase.timing(in: stripped, planYear: planYear)
        var assignment = AssignmentParser.parse(stripped)
        // In "Tổ chức thực hiện", an item that gives a unit work with a deadline is a task led by that unit.
        if implementation, assignment.lead.isEmpty, deadline != nil, let unit = AssignmentParser.leadingUnit(stripped) {
            assignment = ([unit], [])
        }
        if implementation, assignment.lead.isEmpty { return nil }
        return PlanDocument.Task(text: stripped, section: section, group: nil, timing: .init(deadline ?? TaskTiming(raw: "")),
                                 lead: assignment.lead, coordinating: assignment.coordinating, line: line)
    }

    /// Whether the reader would make a target or a task of this paragraph.
    static func readsAsItem(_ text: String, path: [String]) -> Bool {
        if isTargetSection(path) { return !targets(in: text, line: 0).isEmpty }
        return task(from: text, line: 0, section: "", path: path) != nil
    }
}
