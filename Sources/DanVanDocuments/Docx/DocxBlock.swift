/// What the body of a Word document holds, in order: paragraphs (a line break inside one
/// is kept as "\n") and tables (rows of cells, each cell its paragraphs).
enum DocxBlock: Equatable {
    case paragraph(String)
    case table([[[String]]])
}
