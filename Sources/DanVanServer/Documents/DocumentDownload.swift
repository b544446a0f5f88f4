import Foundation
import Vapor

/// A written document or table sent as a download, named for the person who saves it.
enum DocumentDownload {
    enum Kind {
        case docx, xlsx, csv

        var mediaType: HTTPMediaType {
            switch self {
            case .docx: HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.wordprocessingml.document")
            case .xlsx: HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            case .csv: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
            }
        }

        var fileExtension: String {
            switch self {
            case .docx: "docx"
            case .xlsx: "xlsx"
            case .csv: "csv"
            }
        }
    }

    /// `name` is Vietnamese ("Kế hoạch 159-KH-HU"); browsers get it whole, and an ASCII form for
    /// those that read only `filename`.
    static func response(_ data: Data, kind: Kind, name: String) -> Response {
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = kind.mediaType
        let full = "\(name).\(kind.fileExtension)"
        let encoded = full.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._"))) ?? full
        let ascii = asciiName(name) + "." + kind.fileExtension
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        response.headers.cacheControl = .init(noStore: true)
        return response
    }

    /// "Kế hoạch 159-KH/HU" → "ke-hoach-159-kh-hu".
    static func asciiName(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).replacingOccurrences(of: "đ", with: "d")
        let slug = folded.unicodeScalars.map { CharacterSet.alphanumerics.contains($0) && $0.isASCII ? String($0) : "-" }.joined()
        return slug.split(separator: "-").joined(separator: "-")
    }
}
