/// A table as a spreadsheet: a title and its period on top, a header row, then rows of real
/// cells (numbers stay numbers, so totals and charts work in Excel).
public struct SpreadsheetTable: Sendable {
    public enum Format: Sendable {
        case text, integer, percent, decimal
        /// Classification points: always two places (80.00).
        case points
    }

    public enum Value: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty
    }

    public struct Column: Sendable {
        public var header: String
        /// In characters, as Excel measures it.
        public var width: Double
        public var format: Format

        public init(_ header: String, width: Double, format: Format = .text) {
            self.header = header
            self.width = width
            self.format = format
        }
    }

    public var sheetName: String
    public var title: String
    /// Lines under the title: the unit, the period, what counts.
    public var subtitle: [String]
    public var columns: [Column]
    public var rows: [[Value]]

    public init(sheetName: String, title: String, subtitle: [String], columns: [Column], rows: [[Value]]) {
        self.sheetName = sheetName
        self.title = title
        self.subtitle = subtitle
        self.columns = columns
        self.rows = rows
    }
}
