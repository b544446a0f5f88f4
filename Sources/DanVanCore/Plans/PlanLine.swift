/// One line of a plan as a reader sees it, whatever file it came from: its text with markup
/// removed, or the cells of a table row (a cell holding several paragraphs keeps them as
/// separate items).
public struct PlanLine: Equatable, Sendable, Codable {
    public let number: Int
    public let text: String
    public let cells: [[String]]?

    public init(number: Int, text: String, cells: [[String]]? = nil) {
        self.number = number
        self.text = text
        self.cells = cells
    }

    public var isTableRow: Bool { cells != nil }

    /// The line with its text and cells in composed form (see `String.precomposed`).
    public var precomposed: PlanLine {
        PlanLine(number: number, text: text.precomposed, cells: cells?.map { $0.map(\.precomposed) })
    }
}
