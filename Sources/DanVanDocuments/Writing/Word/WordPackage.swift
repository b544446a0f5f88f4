import Foundation

/// A DOCX package: the document, its styles (Times New Roman 14 pt), a numbering part with
/// the "-" and "+" list clerks use, settings, and the page-number header that official
/// documents carry from page 2 (the first page has an empty header of its own).
enum WordPackage {
    static let pageNumberHeaderID = "rIdHeader"
    static let firstPageHeaderID = "rIdFirstHeader"

    static func docx(_ document: WordDocument) throws -> Data {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml."
        let base = OOXMLPackage.relationshipBase
        return try OOXMLPackage.zip([
            OOXMLPackage.relationships(path: "_rels/.rels", [
                ("rId1", OOXMLPackage.officeDocumentRelationship, "word/document.xml"),
                ("rId2", OOXMLPackage.corePropertiesRelationship, "docProps/core.xml"),
            ]),
            OOXMLPackage.coreProperties(title: document.title, creator: "DanVan"),
            OOXMLPart(path: "word/document.xml", contentType: main + "document.main+xml", xml: WordDocumentXML.xml(document)),
            OOXMLPackage.relationships(path: "word/_rels/document.xml.rels", [
                ("rIdStyles", base + "styles", "styles.xml"),
                ("rIdNumbering", base + "numbering", "numbering.xml"),
                ("rIdSettings", base + "settings", "settings.xml"),
                (pageNumberHeaderID, base + "header", "header1.xml"),
                (firstPageHeaderID, base + "header", "header2.xml"),
            ]),
            OOXMLPart(path: "word/styles.xml", contentType: main + "styles+xml", xml: WordStylesXML.styles),
            OOXMLPart(path: "word/numbering.xml", contentType: main + "numbering+xml", xml: WordStylesXML.numbering),
            OOXMLPart(path: "word/settings.xml", contentType: main + "settings+xml", xml: WordStylesXML.settings),
            OOXMLPart(path: "word/header1.xml", contentType: main + "header+xml", xml: header(withPageNumber: true)),
            OOXMLPart(path: "word/header2.xml", contentType: main + "header+xml", xml: header(withPageNumber: false)),
        ])
    }

    private static func header(withPageNumber: Bool) -> String {
        var xml = XMLBuilder()
        xml.element("w:hdr", ["xmlns:w": WordDocumentXML.namespace]) { xml in
            xml.element("w:p") { xml in
                xml.element("w:pPr") { xml in xml.empty("w:jc", ["w:val": "center"]) }
                if withPageNumber {
                    xml.element("w:r") { xml in xml.empty("w:fldChar", ["w:fldCharType": "begin"]) }
                    xml.element("w:r") { xml in xml.element("w:instrText", ["xml:space": "preserve"], text: " PAGE ") }
                    xml.element("w:r") { xml in xml.empty("w:fldChar", ["w:fldCharType": "separate"]) }
                    xml.element("w:r") { xml in xml.element("w:t", text: "2") }
                    xml.element("w:r") { xml in xml.empty("w:fldChar", ["w:fldCharType": "end"]) }
                }
            }
        }
        return xml.xml
    }
}
