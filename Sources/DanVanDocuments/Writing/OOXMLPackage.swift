import Foundation
import ZIPFoundation

/// One part of an Office Open XML package: its path in the ZIP and, unless the extension's
/// default covers it, its content type.
struct OOXMLPart {
    let path: String
    let contentType: String?
    let xml: String
}

/// Zips parts into a package with its `[Content_Types].xml`. Entries carry a fixed date, so the
/// same content gives the same bytes.
enum OOXMLPackage {
    static let relationshipsType = "application/vnd.openxmlformats-package.relationships+xml"
    private static let entryDate = Date(timeIntervalSince1970: 1_577_836_800)

    static func zip(_ parts: [OOXMLPart]) throws -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for part in [contentTypes(parts)] + parts {
                let bytes = Data(part.xml.utf8)
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: entryDate,
                                     compressionMethod: .deflate) { position, size in
                    bytes.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw DocumentWriteError("Không tạo được tệp nén của văn bản.") }
            return data
        } catch let error as DocumentWriteError {
            throw error
        } catch {
            throw DocumentWriteError("Không tạo được tệp nén của văn bản: \(error).")
        }
    }

    private static func contentTypes(_ parts: [OOXMLPart]) -> OOXMLPart {
        var xml = XMLBuilder()
        xml.element("Types", ["xmlns": "http://schemas.openxmlformats.org/package/2006/content-types"]) { xml in
            xml.empty("Default", ["Extension": "rels", "ContentType": relationshipsType])
            xml.empty("Default", ["Extension": "xml", "ContentType": "application/xml"])
            for part in parts {
                if let type = part.contentType { xml.empty("Override", ["PartName": "/" + part.path, "ContentType": type]) }
            }
        }
        return OOXMLPart(path: "[Content_Types].xml", contentType: nil, xml: xml.xml)
    }

    /// A relationships part: each target with its id ("rId1", ...) and type.
    static func relationships(path: String, _ targets: [(id: String, type: String, target: String)]) -> OOXMLPart {
        var xml = XMLBuilder()
        xml.element("Relationships", ["xmlns": "http://schemas.openxmlformats.org/package/2006/relationships"]) { xml in
            for target in targets {
                xml.empty("Relationship", ["Id": target.id, "Type": target.type, "Target": target.target])
            }
        }
        return OOXMLPart(path: path, contentType: nil, xml: xml.xml)
    }

    /// The package's core properties: title and author, shown by Word's "Properties".
    static func coreProperties(title: String, creator: String) -> OOXMLPart {
        var xml = XMLBuilder()
        xml.element("cp:coreProperties", [
            "xmlns:cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
        ]) { xml in
            xml.element("dc:title", text: title)
            xml.element("dc:creator", text: creator)
        }
        return OOXMLPart(path: "docProps/core.xml", contentType: "application/vnd.openxmlformats-package.core-properties+xml", xml: xml.xml)
    }

    static let officeDocumentRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
    static let corePropertiesRelationship = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
    static let relationshipBase = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
}

/// A document that could not be written, in Vietnamese for the person who asked for it. The
/// writers throw it untyped: typed throws through the server's async export chain crashed the
/// Swift 6.3 optimizer (splitting the coroutine) in release builds.
public struct DocumentWriteError: Error, CustomStringConvertible, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
