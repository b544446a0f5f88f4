/// word/document.xml: the body's paragraphs and tables, and each section's page. A section
/// other than the last ends in an empty paragraph carrying its properties, as Word writes it.
enum WordDocumentXML {
    static let namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func xml(_ document: WordDocument) -> String {
        var xml = XMLBuilder()
        xml.element("w:document", ["xmlns:w": namespace, "xmlns:r": relationshipsNamespace]) { xml in
            xml.element("w:body") { xml in
                for (index, section) in document.sections.enumerated() {
                    for block in section.blocks { write(block, into: &xml) }
                    let isFirst = index == 0
                    if index < document.sections.count - 1 {
                        // The break's own paragraph is made tiny, so a section that fills its last
                        // page does not push an empty one.
                        xml.element("w:p") { xml in
                            xml.element("w:pPr") { xml in
                                xml.empty("w:spacing", ["w:before": "0", "w:after": "0", "w:line": "240", "w:lineRule": "auto"])
                                xml.element("w:rPr") { xml in xml.empty("w:sz", ["w:val": "2"]) }
                                sectionProperties(section.page, isFirst: isFirst, into: &xml)
                            }
                        }
                    } else {
                        sectionProperties(section.page, isFirst: isFirst, into: &xml)
                    }
                }
            }
        }
        return xml.xml
    }

    private static func write(_ block: WordBlock, into xml: inout XMLBuilder) {
        switch block {
        case .paragraph(let paragraph): write(paragraph, into: &xml)
        case .table(let table): write(table, into: &xml)
        }
    }

    static func write(_ paragraph: WordParagraph, into xml: inout XMLBuilder) {
        xml.element("w:p") { xml in
            xml.element("w:pPr") { xml in
                if paragraph.keepWithNext { xml.empty("w:keepNext") }
                xml.empty("w:spacing", ["w:before": String(paragraph.spaceBefore), "w:after": String(paragraph.spaceAfter)])
                if paragraph.firstLineIndent != 0 { xml.empty("w:ind", ["w:firstLine": String(paragraph.firstLineIndent)]) }
                xml.empty("w:jc", ["w:val": paragraph.alignment.rawValue])
            }
            for run in paragraph.runs { write(run, into: &xml) }
        }
    }

    private static func write(_ run: WordRun, into xml: inout XMLBuilder) {
        xml.element("w:r") { xml in
            if run.bold || run.italic || run.underline || run.size != nil {
                xml.element("w:rPr") { xml in
                    // The schema fixes the order: b, i, sz, u.
                    if run.bold { xml.empty("w:b") }
                    if run.italic { xml.empty("w:i") }
                    if let size = run.size {
                        let halfPoints = String(Int((size * 2).rounded()))
                        xml.empty("w:sz", ["w:val": halfPoints])
                        xml.empty("w:szCs", ["w:val": halfPoints])
                    }
                    if run.underline { xml.empty("w:u", ["w:val": "single"]) }
                }
            }
            xml.element("w:t", ["xml:space": "preserve"], text: run.text)
        }
    }

    private static func write(_ table: WordTable, into xml: inout XMLBuilder) {
        xml.element("w:tbl") { xml in
            xml.element("w:tblPr") { xml in
                xml.empty("w:tblW", ["w:w": String(table.columnWidths.reduce(0, +)), "w:type": "dxa"])
                xml.empty("w:jc", ["w:val": "center"])
                borders(table.bordered, into: &xml)
                xml.empty("w:tblLayout", ["w:type": "fixed"])
                xml.element("w:tblCellMar") { xml in
                    xml.empty("w:left", ["w:w": "85", "w:type": "dxa"])
                    xml.empty("w:right", ["w:w": "85", "w:type": "dxa"])
                }
            }
            xml.element("w:tblGrid") { xml in
                for width in table.columnWidths { xml.empty("w:gridCol", ["w:w": String(width)]) }
            }
            for (rowIndex, row) in table.rows.enumerated() {
                xml.element("w:tr") { xml in
                    if rowIndex < table.headerRows {
                        xml.element("w:trPr") { xml in xml.empty("w:tblHeader") }
                    }
                    for (column, cell) in row.enumerated() {
                        let width = column < table.columnWidths.count ? table.columnWidths[column] : 0
                        write(cell, width: width, into: &xml)
                    }
                }
            }
        }
    }

    private static func write(_ cell: WordCell, width: Int, into xml: inout XMLBuilder) {
        xml.element("w:tc") { xml in
            xml.element("w:tcPr") { xml in
                xml.empty("w:tcW", ["w:w": String(width), "w:type": "dxa"])
                if cell.shaded { xml.empty("w:shd", ["w:val": "clear", "w:color": "auto", "w:fill": "E7E6E6"]) }
            }
            // A cell must hold at least one paragraph.
            for paragraph in cell.paragraphs.isEmpty ? [WordParagraph("")] : cell.paragraphs { write(paragraph, into: &xml) }
        }
    }

    private static func borders(_ bordered: Bool, into xml: inout XMLBuilder) {
        xml.element("w:tblBorders") { xml in
            for side in ["w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"] {
                if bordered {
                    xml.empty(side, ["w:val": "single", "w:sz": "4", "w:space": "0", "w:color": "000000"])
                } else {
                    xml.empty(side, ["w:val": "nil"])
                }
            }
        }
    }

    /// Page size, orientation and margins; the page-number header, left off the first page.
    private static func sectionProperties(_ page: WordPage, isFirst: Bool, into xml: inout XMLBuilder) {
        xml.element("w:sectPr") { xml in
            xml.empty("w:headerReference", ["w:type": "default", "r:id": WordPackage.pageNumberHeaderID])
            if isFirst { xml.empty("w:headerReference", ["w:type": "first", "r:id": WordPackage.firstPageHeaderID]) }
            xml.empty("w:type", ["w:val": "nextPage"])
            if page.landscape {
                xml.empty("w:pgSz", ["w:w": String(page.width), "w:h": String(page.height), "w:orient": "landscape"])
            } else {
                xml.empty("w:pgSz", ["w:w": String(page.width), "w:h": String(page.height)])
            }
            xml.empty("w:pgMar", ["w:top": String(page.top), "w:right": String(page.right), "w:bottom": String(page.bottom),
                                  "w:left": String(page.left), "w:header": "567", "w:footer": "567", "w:gutter": "0"])
            if isFirst { xml.empty("w:titlePg") }
        }
    }
}
