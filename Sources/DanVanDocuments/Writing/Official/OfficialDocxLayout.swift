import DanVanCore
import Foundation

/// Lays an official document out as Word paragraphs and tables, in the sizes of Nghị định
/// 30/2020/NĐ-CP and Hướng dẫn 36-HD/VPTW: header 13–14 pt, title 14 pt bold, body 14 pt
/// justified with a 1 cm first-line indent, "Nơi nhận" 12 pt and its list 11 pt, tables 12 pt.
enum OfficialDocxLayout {
    static let indent = 567
    static let paragraphGap = 120

    static func docx(_ document: OfficialDocument) throws -> Data {
        try WordPackage.docx(word(document))
    }

    static func word(_ document: OfficialDocument) -> WordDocument {
        var body: [WordBlock] = [headerTable(document.header)]
        body += titleBlock(document)
        body += document.opening.map { .paragraph(text($0)) }
        for section in document.sections { body += blocks(section) }
        body.append(closingTable(recipients: document.recipients, signature: document.signature))
        var sections = [WordSection(page: .portrait, blocks: body)]
        for appendix in document.appendices { sections.append(WordSection(page: .landscapePage, blocks: blocks(appendix))) }
        return WordDocument(title: "\(document.documentWord) \(document.subject)", sections: sections)
    }

    private static func headerTable(_ header: OfficialHeaderText) -> WordBlock {
        let width = WordPage.portrait.textWidth
        let leftWidth = header.style == .party ? 4_300 : 3_700
        var left: [WordParagraph] = []
        var right: [WordParagraph] = []
        switch header.style {
        case .party:
            if let superior = header.superiorBody { left.append(WordParagraph(superior, size: 14, alignment: .center)) }
            left.append(WordParagraph(header.issuingBody, bold: true, size: 14, alignment: .center))
            left.append(WordParagraph("*", size: 14, alignment: .center))
            left.append(WordParagraph(header.numberLine, size: 14, alignment: .center))
            right.append(WordParagraph([WordRun(text: "ĐẢNG CỘNG SẢN VIỆT NAM", bold: true, underline: true, size: 15)], alignment: .center))
            right.append(WordParagraph("", size: 14, alignment: .center))
            right.append(WordParagraph(header.placeAndDate, italic: true, size: 14, alignment: .center))
        case .state:
            if let superior = header.superiorBody { left.append(WordParagraph(superior, size: 13, alignment: .center)) }
            left.append(WordParagraph([WordRun(text: header.issuingBody, bold: true, underline: true, size: 13)], alignment: .center))
            left.append(WordParagraph(header.numberLine, size: 13, alignment: .center, spaceBefore: paragraphGap))
            right.append(WordParagraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold: true, size: 12, alignment: .center))
            right.append(WordParagraph([WordRun(text: "Độc lập - Tự do - Hạnh phúc", bold: true, underline: true, size: 14)],
                                       alignment: .center))
            right.append(WordParagraph(header.placeAndDate, italic: true, size: 14, alignment: .center, spaceBefore: paragraphGap))
        }
        return .table(WordTable(columnWidths: [leftWidth, width - leftWidth], rows: [[WordCell(left), WordCell(right)]], bordered: false))
    }

    private static func titleBlock(_ document: OfficialDocument) -> [WordBlock] {
        var blocks: [WordBlock] = [
            .paragraph(WordParagraph(document.documentWord, bold: true, size: 16, alignment: .center, spaceBefore: 360, keepWithNext: true)),
            .paragraph(WordParagraph(document.subject, bold: true, size: 14, alignment: .center, keepWithNext: true)),
        ]
        if document.header.style == .party {
            blocks.append(.paragraph(WordParagraph("-----", size: 14, alignment: .center, spaceAfter: paragraphGap)))
        } else {
            blocks.append(.paragraph(WordParagraph("", size: 8, alignment: .center, spaceAfter: paragraphGap)))
        }
        return blocks
    }

    static func text(_ value: String, italic: Bool = false) -> WordParagraph {
        WordParagraph(value, italic: italic, firstLineIndent: indent, spaceAfter: paragraphGap)
    }

    private static func blocks(_ section: OfficialSection) -> [WordBlock] {
        let label = heading(number: section.number)
        let run = WordRun(text: label + " " + section.heading, bold: section.depth < 3, italic: section.depth >= 2)
        var blocks: [WordBlock] = [.paragraph(WordParagraph([run], firstLineIndent: indent, spaceBefore: section.depth == 0 ? paragraphGap : 0,
                                                            spaceAfter: paragraphGap, keepWithNext: true))]
        for item in section.items {
            switch item {
            case .text(let value): blocks.append(.paragraph(text(value)))
            case .dash(let value): blocks.append(.paragraph(text("- " + value)))
            case .placeholder(let value): blocks.append(.paragraph(text(value, italic: true)))
            }
        }
        return blocks
    }

    /// "I." for the Roman level, "1." and "1.1." below it, "a)" for letters.
    static func heading(number: String) -> String {
        if let last = number.last, last.isLetter, number.count == 1, last.isLowercase { return number + ")" }
        return number.hasSuffix(".") || number.hasSuffix(")") ? number : number + "."
    }

    /// "Nơi nhận" on the left, the signature on the right, side by side as the seeds lay them out.
    private static func closingTable(recipients: [String], signature: OfficialSignature?) -> WordBlock {
        var left = [WordParagraph([WordRun(text: "Nơi nhận:", bold: true, italic: true, size: 12)], alignment: .left, spaceBefore: 240)]
        for (index, recipient) in recipients.enumerated() {
            let ending = index == recipients.count - 1 ? "." : ","
            let text = recipient.hasSuffix(".") || recipient.hasSuffix(",") ? recipient : recipient + ending
            left.append(WordParagraph("- " + text, size: 11, alignment: .left))
        }
        var right: [WordParagraph] = []
        if let signature {
            var first = true
            for line in [signature.authority, signature.position].compactMap({ $0 }) {
                right.append(WordParagraph(line.uppercased(), bold: true, size: 14, alignment: .center, spaceBefore: first ? 240 : 0))
                first = false
            }
            for _ in 0..<4 { right.append(WordParagraph("", size: 14, alignment: .center)) }
            if let name = signature.name { right.append(WordParagraph(name, bold: true, size: 14, alignment: .center)) }
        }
        let width = WordPage.portrait.textWidth
        return .table(WordTable(columnWidths: [width / 2, width - width / 2], rows: [[WordCell(left), WordCell(right)]], bordered: false))
    }

    private static func blocks(_ appendix: OfficialAppendix) -> [WordBlock] {
        let width = WordPage.landscapePage.textWidth
        let totalWeight = max(1, appendix.columns.map(\.weight).reduce(0, +))
        var widths = appendix.columns.map { width * $0.weight / totalWeight }
        if !widths.isEmpty { widths[widths.count - 1] += width - widths.reduce(0, +) }
        let header = appendix.columns.map { column in
            WordCell([WordParagraph(column.header, bold: true, size: 12, alignment: .center)], shaded: true)
        }
        let rows = appendix.rows.map { row in
            appendix.columns.indices.map { index in
                let paragraphs = index < row.count ? row[index] : []
                return WordCell(paragraphs.map {
                    WordParagraph($0, size: 12, alignment: appendix.columns[index].centered ? .center : .left)
                })
            }
        }
        let title = appendix.title.split(separator: "\n").map {
            WordBlock.paragraph(WordParagraph(String($0), bold: true, size: 14, alignment: .center, keepWithNext: true))
        }
        return title + [
            .paragraph(WordParagraph(appendix.note, italic: true, size: 14, alignment: .center, spaceAfter: 240, keepWithNext: true)),
            .table(WordTable(columnWidths: widths, rows: [header] + rows, bordered: true, headerRows: 1)),
        ]
    }
}
