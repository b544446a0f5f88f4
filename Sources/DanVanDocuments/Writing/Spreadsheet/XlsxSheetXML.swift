/// One worksheet: title, subtitle lines, a blank row, the header row, then the data.
enum XlsxSheetXML {
    static let namespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"

    /// The 1-based row of the column headers.
    static func headerRow(_ table: SpreadsheetTable) -> Int {
        table.subtitle.count + 3
    }

    static func xml(_ table: SpreadsheetTable) -> String {
        let columnCount = max(1, table.columns.count)
        let header = headerRow(table)
        var xml = XMLBuilder()
        xml.element("worksheet", ["xmlns": namespace]) { xml in
            // Printed one page wide, as many pages long as it takes.
            xml.element("sheetPr") { xml in xml.empty("pageSetUpPr", ["fitToPage": "1"]) }
            xml.element("sheetViews") { xml in
                xml.element("sheetView", ["workbookViewId": "0"]) { xml in
                    xml.empty("pane", ["ySplit": String(header), "topLeftCell": "A\(header + 1)", "activePane": "bottomLeft", "state": "frozen"])
                }
            }
            xml.element("cols") { xml in
                for (index, column) in table.columns.enumerated() {
                    xml.empty("col", ["min": String(index + 1), "max": String(index + 1), "width": String(column.width), "customWidth": "1"])
                }
            }
            xml.element("sheetData") { xml in
                textRow(1, [table.title], style: XlsxStyles.title, into: &xml)
                for (offset, line) in table.subtitle.enumerated() {
                    textRow(offset + 2, [line], style: XlsxStyles.subtitle, into: &xml)
                }
                textRow(header, table.columns.map(\.header), style: XlsxStyles.header, into: &xml)
                for (offset, row) in table.rows.enumerated() {
                    dataRow(header + 1 + offset, row, columns: table.columns, into: &xml)
                }
            }
            xml.element("mergeCells") { xml in
                for row in 1...(table.subtitle.count + 1) {
                    xml.empty("mergeCell", ["ref": "A\(row):\(columnName(columnCount - 1))\(row)"])
                }
            }
            xml.empty("pageMargins", ["left": "0.6", "right": "0.4", "top": "0.6", "bottom": "0.6", "header": "0.3", "footer": "0.3"])
            xml.empty("pageSetup", ["paperSize": "9", "orientation": "landscape", "fitToWidth": "1", "fitToHeight": "0"])
        }
        return xml.xml
    }

    private static func textRow(_ number: Int, _ texts: [String], style: Int, into xml: inout XMLBuilder) {
        xml.element("row", ["r": String(number)]) { xml in
            for (index, text) in texts.enumerated() {
                inlineString("\(columnName(index))\(number)", text, style: style, into: &xml)
            }
        }
    }

    private static func dataRow(_ number: Int, _ values: [SpreadsheetTable.Value], columns: [SpreadsheetTable.Column], into xml: inout XMLBuilder) {
        let height = String(rowHeight(values, columns: columns))
        xml.element("row", ["r": String(number), "ht": height, "customHeight": "1"]) { xml in
            for index in 0..<max(values.count, columns.count) {
                let reference = "\(columnName(index))\(number)"
                let format = index < columns.count ? columns[index].format : .text
                switch index < values.count ? values[index] : .empty {
                case .text(let text):
                    inlineString(reference, text, style: XlsxStyles.text, into: &xml)
                case .number(let value) where value.isFinite:
                    xml.element("c", ["r": reference, "s": String(XlsxStyles.style(for: format))]) { xml in
                        xml.element("v", text: cellNumber(value))
                    }
                case .number, .empty:
                    xml.empty("c", ["r": reference, "s": String(XlsxStyles.text)])
                }
            }
        }
    }

    /// Neither Excel nor LibreOffice grows a row for wrapped text when it opens a file, so the
    /// height is set from the longest cell: about one character per unit of column width, 16 pt
    /// a line at 12 pt.
    static func rowHeight(_ values: [SpreadsheetTable.Value], columns: [SpreadsheetTable.Column]) -> Double {
        var lines = 1
        for (index, value) in values.enumerated() {
            guard case .text(let text) = value, index < columns.count else { continue }
            let perLine = max(1, Int(columns[index].width) - 1)
            let cellLines = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { max(1, ($0.count + perLine - 1) / perLine) }.reduce(0, +)
            lines = max(lines, cellLines)
        }
        return Double(min(lines, 409 / 16)) * 16
    }

    private static func inlineString(_ reference: String, _ text: String, style: Int, into xml: inout XMLBuilder) {
        xml.element("c", ["r": reference, "t": "inlineStr", "s": String(style)]) { xml in
            xml.element("is") { xml in xml.element("t", ["xml:space": "preserve"], text: text) }
        }
    }

    /// Whole numbers without a decimal point; others in Swift's shortest exact form.
    static func cellNumber(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }

    /// 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var name = ""
        var rest = index + 1
        while rest > 0 {
            let remainder = (rest - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            rest = (rest - 1) / 26
        }
        return name
    }
}
