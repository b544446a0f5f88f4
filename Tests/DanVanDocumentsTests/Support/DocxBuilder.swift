import Foundation
import ZIPFoundation

/// Builds small DOCX packages in memory for tests of what Word writes.
enum DocxBuilder {
    static let namespace = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#

    static func document(body: String, numbering: String? = nil, extraParts: [String: Data] = [:]) throws -> Data {
        var parts: [String: Data] = [
            "[Content_Types].xml": Data(#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#.utf8),
            "word/document.xml": Data(#"<?xml version="1.0" encoding="UTF-8"?><w:document \#(namespace)><w:body>\#(body)</w:body></w:document>"#.utf8),
        ]
        if let numbering {
            parts["word/numbering.xml"] = Data(#"<?xml version="1.0" encoding="UTF-8"?><w:numbering \#(namespace)>\#(numbering)</w:numbering>"#.utf8)
        }
        parts.merge(extraParts) { $1 }
        return try zip(parts)
    }

    static func zip(_ parts: [String: Data]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in parts.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return archive.data ?? Data()
    }

    static func paragraph(_ runs: String, numId: Int? = nil, level: Int = 0) -> String {
        let numbering = numId.map { #"<w:pPr><w:numPr><w:ilvl w:val="\#(level)"/><w:numId w:val="\#($0)"/></w:numPr></w:pPr>"# } ?? ""
        return "<w:p>\(numbering)\(runs)</w:p>"
    }

    static func run(_ text: String) -> String {
        #"<w:r><w:t xml:space="preserve">\#(text)</w:t></w:r>"#
    }
}
