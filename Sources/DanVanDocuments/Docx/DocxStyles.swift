import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Numbering attached to paragraph styles (a "Heading 1" that numbers itself I., II., ...).
final class DocxStyles: NSObject, XMLParserDelegate {
    private(set) var numbering: [String: (numId: String, level: Int)] = [:]
    private var styleId: String?
    private var numId: String?
    private var level = 0

    init(data: Data?) {
        super.init()
        guard let data else { return }
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "w:style": styleId = attributes["w:styleId"]; numId = nil; level = 0
        case "w:numId": numId = attributes["w:val"]
        case "w:ilvl": level = attributes["w:val"].flatMap(Int.init) ?? 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "w:style", let styleId, let numId { numbering[styleId] = (numId, level) }
    }
}
