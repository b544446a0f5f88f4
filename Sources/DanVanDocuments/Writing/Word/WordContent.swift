/// A Word document as the writer lays it out: sections of blocks, each section with its own
/// page (the plan's body in portrait, its appendix in landscape). Lengths are in twips
/// (1/20 pt; 567 to the centimetre), font sizes in points.
struct WordDocument {
    var title: String
    var sections: [WordSection]
}

struct WordSection {
    var page: WordPage
    var blocks: [WordBlock]
}

enum WordBlock {
    case paragraph(WordParagraph)
    case table(WordTable)
}

struct WordRun {
    var text: String
    var bold = false
    var italic = false
    var underline = false
    var size: Double?
}

struct WordParagraph {
    enum Alignment: String { case left, center, right, both }

    var runs: [WordRun]
    var alignment: Alignment = .both
    var firstLineIndent = 0
    var spaceBefore = 0
    var spaceAfter = 0
    var keepWithNext = false

    init(_ runs: [WordRun], alignment: Alignment = .both, firstLineIndent: Int = 0, spaceBefore: Int = 0, spaceAfter: Int = 0,
         keepWithNext: Bool = false) {
        self.runs = runs
        self.alignment = alignment
        self.firstLineIndent = firstLineIndent
        self.spaceBefore = spaceBefore
        self.spaceAfter = spaceAfter
        self.keepWithNext = keepWithNext
    }

    init(_ text: String, bold: Bool = false, italic: Bool = false, size: Double? = nil, alignment: Alignment = .both,
         firstLineIndent: Int = 0, spaceBefore: Int = 0, spaceAfter: Int = 0, keepWithNext: Bool = false) {
        self.init([WordRun(text: text, bold: bold, italic: italic, size: size)], alignment: alignment, firstLineIndent: firstLineIndent,
                  spaceBefore: spaceBefore, spaceAfter: spaceAfter, keepWithNext: keepWithNext)
    }
}

struct WordTable {
    var columnWidths: [Int]
    var rows: [[WordCell]]
    var bordered: Bool
    /// Rows at the top repeated on every page the table runs onto.
    var headerRows = 0
}

struct WordCell {
    var paragraphs: [WordParagraph]
    var shaded = false

    init(_ paragraphs: [WordParagraph], shaded: Bool = false) {
        self.paragraphs = paragraphs
        self.shaded = shaded
    }
}

/// A4 with the margins of Nghị định 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW: 20 mm top and
/// bottom, 30 mm left (the binding), 15 mm right. A landscape page keeps the binding margin on
/// the edge that is bound, which is then the top.
struct WordPage: Equatable {
    var landscape: Bool

    static let portrait = WordPage(landscape: false)
    static let landscapePage = WordPage(landscape: true)

    static let shortSide = 11_906
    static let longSide = 16_838

    var width: Int { landscape ? Self.longSide : Self.shortSide }
    var height: Int { landscape ? Self.shortSide : Self.longSide }
    var top: Int { landscape ? 1_701 : 1_134 }
    var bottom: Int { landscape ? 851 : 1_134 }
    var left: Int { landscape ? 1_134 : 1_701 }
    var right: Int { landscape ? 1_134 : 851 }
    var textWidth: Int { width - left - right }
}
