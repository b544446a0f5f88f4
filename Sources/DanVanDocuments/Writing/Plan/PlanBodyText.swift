import DanVanCore

/// The plan's own words, put back: each kept paragraph under the heading it was read under.
/// A paragraph that held targets or a task is kept only while those still stand as read; when
/// one was changed in DanVan the stored item is written instead, and when one was removed (or
/// not carried into a plan started from the one above) the paragraph goes with it.
enum PlanBodyText {
    struct Kept {
        /// The opening paragraphs, before the first heading.
        var opening: [String] = []
        /// Paragraphs by section index, with their lines.
        var bySection: [Int: [(line: Int, text: String)]] = [:]
        /// Lines whose targets and tasks the kept paragraph already writes.
        var coveredLines: Set<Int> = []
    }

    static func keep(_ plan: PlanExport, sections: [PlanExport.Section], sectionFor: (Int) -> Int?) -> Kept {
        var kept = Kept()
        let firstHeading = sections.map(\.line).filter { $0 > 0 }.min() ?? Int.max
        let targets = Dictionary(grouping: plan.targets.filter { $0.line > 0 }, by: \.line)
        let tasks = Dictionary(grouping: plan.tasks.filter { !$0.fromAppendix && $0.line > 0 }, by: \.line)
        let paths = headingPaths(sections)
        for paragraph in plan.paragraphs {
            if paragraph.line < firstHeading {
                kept.opening.append(paragraph.text)
                continue
            }
            guard let index = sectionFor(paragraph.line) else { continue }
            let lineTargets = targets[paragraph.line] ?? []
            let lineTasks = tasks[paragraph.line] ?? []
            if lineTargets.isEmpty, lineTasks.isEmpty {
                if BodyItemRules.readsAsItem(paragraph.text, path: paths[index]) { continue }
            } else if standsAsRead(paragraph, targets: lineTargets, tasks: lineTasks) {
                kept.coveredLines.insert(paragraph.line)
            } else {
                continue
            }
            kept.bySection[index, default: []].append((paragraph.line, paragraph.text))
        }
        return kept
    }

    /// Whether the paragraph still says what its stored targets and task say.
    private static func standsAsRead(_ paragraph: PlanExport.Paragraph, targets: [PlanExport.Target], tasks: [PlanExport.Task]) -> Bool {
        if !targets.isEmpty {
            let read = BodyItemRules.targets(in: paragraph.text, line: paragraph.line)
            return read.map(\.text) == targets.map(\.text)
        }
        return tasks.allSatisfy { ItemMarker.strip(paragraph.text) == $0.text }
    }

    /// Each section's headings from the top down, folded, as the reader sees them.
    static func headingPaths(_ sections: [PlanExport.Section]) -> [[String]] {
        var stack: [(depth: Int, heading: String)] = []
        return sections.map { section in
            while let last = stack.last, last.depth >= section.depth { stack.removeLast() }
            stack.append((section.depth, VietnameseFolding.fold(section.heading)))
            return stack.map(\.heading)
        }
    }
}
