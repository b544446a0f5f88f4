import Foundation

/// Writes tables as an XLSX workbook, one sheet each: Times New Roman, the title in bold over
/// the columns, the header row frozen and repeated when printed, text wrapped (never cut),
/// numbers with Vietnamese-readable formats, A4 landscape.
public enum XlsxWriter {
    public static func xlsx(_ tables: [SpreadsheetTable]) throws -> Data {
        guard !tables.isEmpty else { throw DocumentWriteError("Không có bảng nào để ghi ra tệp Excel.") }
        let names = sheetNames(tables.map(\.sheetName))
        let main = "application/vnd.openxmlformats-officedocument.spreadsheetml."
        var parts = [
            OOXMLPackage.relationships(path: "_rels/.rels", [
                ("rId1", OOXMLPackage.officeDocumentRelationship, "xl/workbook.xml"),
                ("rId2", OOXMLPackage.corePropertiesRelationship, "docProps/core.xml"),
            ]),
            OOXMLPackage.coreProperties(title: tables[0].title, creator: "DanVan"),
            OOXMLPart(path: "xl/workbook.xml", contentType: main + "sheet.main+xml", xml: workbook(names, tables: tables)),
            OOXMLPackage.relationships(path: "xl/_rels/workbook.xml.rels",
                                       names.indices.map { ("rId\($0 + 1)", OOXMLPackage.relationshipBase + "worksheet", "worksheets/sheet\($0 + 1).xml") }
                                           + [("rIdStyles", OOXMLPackage.relationshipBase + "styles", "styles.xml")]),
            OOXMLPart(path: "xl/styles.xml", contentType: main + "styles+xml", xml: XlsxStyles.xml),
        ]
        for (index, table) in tables.enumerated() {
            parts.append(OOXMLPart(path: "xl/worksheets/sheet\(index + 1).xml", contentType: main + "worksheet+xml",
                                   xml: XlsxSheetXML.xml(table)))
        }
        return try OOXMLPackage.zip(parts)
    }

    private static func workbook(_ names: [String], tables: [SpreadsheetTable]) -> String {
        var xml = XMLBuilder()
        xml.element("workbook", ["xmlns": XlsxSheetXML.namespace, "xmlns:r": WordDocumentXML.relationshipsNamespace]) { xml in
            xml.element("sheets") { xml in
                for (index, name) in names.enumerated() {
                    xml.empty("sheet", ["name": name, "sheetId": String(index + 1), "r:id": "rId\(index + 1)"])
                }
            }
            xml.element("definedNames") { xml in
                for (index, table) in tables.enumerated() {
                    let headerRow = XlsxSheetXML.headerRow(table)
                    xml.element("definedName", ["name": "_xlnm.Print_Titles", "localSheetId": String(index)],
                                text: "'\(names[index].replacingOccurrences(of: "'", with: "''"))'!$\(headerRow):$\(headerRow)")
                }
            }
        }
        return xml.xml
    }

    /// Excel's rules: at most 31 characters, none of []:*?/\, and no two sheets alike.
    static func sheetNames(_ wanted: [String]) -> [String] {
        var used: Set<String> = []
        return wanted.enumerated().map { index, name in
            var clean = String(name.filter { !"[]:*?/\\".contains($0) }.prefix(31)).trimmingCharacters(in: .whitespaces)
            if clean.isEmpty { clean = "Bảng \(index + 1)" }
            var candidate = clean
            var counter = 2
            while used.contains(candidate.lowercased()) {
                candidate = String(clean.prefix(27)) + " (\(counter))"
                counter += 1
            }
            used.insert(candidate.lowercased())
            return candidate
        }
    }
}
