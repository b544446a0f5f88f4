import DanVanCore
import Foundation

/// Why a file could not be read as a plan, in words a clerk can act on.
public struct PlanReadError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// Reads a plan file of any supported kind (plain text, Markdown, DOCX, PDF), refusing with a
/// clear reason what it cannot read: empty files, images, binaries, legacy encodings, a PDF when
/// the tools to read it are missing.
public enum PlanFileReader {
    public static let maxBytes = 20 * 1_048_576

    public static func read(_ data: Data, filename: String) throws(PlanReadError) -> PlanDocument {
        try readWithLines(data, filename: filename).document
    }

    /// The reading and the lines it was read from (a draft keeps both, to show the document
    /// beside what was read). A PDF is converted once, here.
    public static func readWithLines(_ data: Data, filename: String) throws(PlanReadError) -> (document: PlanDocument, lines: [PlanLine]) {
        if isPDF(data) {
            let reading = try PdfPlanSource.read(checkedSize(data, filename: filename), filename: filename)
            var document = PlanReader.read(reading.lines, layout: .typeset)
            document.warnings = reading.warnings + document.warnings
            return (document, reading.lines)
        }
        let lines = try lines(data, filename: filename)
        return (PlanReader.read(lines, layout: isZip(data) ? .paragraphs : .detect), lines)
    }

    private static func isPDF(_ data: Data) -> Bool {
        data.prefix(1024).range(of: Data("%PDF-".utf8)) != nil
    }

    private static func isZip(_ data: Data) -> Bool {
        data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    private static func checkedSize(_ data: Data, filename: String) throws(PlanReadError) -> Data {
        guard data.count <= maxBytes else {
            throw PlanReadError("Tệp \(filename) lớn \(data.count / 1_048_576) MB, vượt giới hạn \(maxBytes / 1_048_576) MB.")
        }
        return data
    }

    public static func lines(_ data: Data, filename: String) throws(PlanReadError) -> [PlanLine] {
        guard !data.isEmpty else { throw PlanReadError("Tệp \(filename) trống.") }
        let data = try checkedSize(data, filename: filename)
        let head = [UInt8](data.prefix(8))
        if isPDF(data) { return try PdfPlanSource.read(data, filename: filename).lines }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return try DocxPlanSource.lines(from: data, filename: filename) }
        if filename.lowercased().hasSuffix(".docx") {
            throw PlanReadError("Tệp \(filename) mang đuôi .docx nhưng không phải tệp Word (không phải ZIP); có thể tệp bị hỏng.")
        }
        if let kind = imageKind(head) { throw PlanReadError("Tệp \(filename) là ảnh \(kind), không phải văn bản. Hãy dùng tệp Word (.docx) hoặc văn bản.") }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw PlanReadError("Tệp \(filename) là tệp Word cũ (.doc). Hãy lưu lại thành .docx rồi nhập.")
        }
        guard !data.contains(0), let text = String(data: data, encoding: .utf8) else {
            if LegacyEncoding.looksLegacy(data) {
                throw PlanReadError("Tệp \(filename) dùng bảng mã cũ (TCVN3/ABC hoặc VNI), không phải Unicode. "
                                    + "Hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại.")
            }
            throw PlanReadError("Tệp \(filename) không phải văn bản đọc được (dữ liệu nhị phân hoặc không phải UTF-8).")
        }
        if LegacyEncoding.looksLegacy(text) {
            throw PlanReadError("Tệp \(filename) có chữ Việt viết bằng bảng mã cũ (TCVN3/ABC hoặc VNI). "
                                + "Hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nhập lại.")
        }
        return TextPlanSource.lines(from: text.precomposed)
    }

    private static func imageKind(_ head: [UInt8]) -> String? {
        if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) { return "PNG" }
        if head.starts(with: [0xFF, 0xD8, 0xFF]) { return "JPEG" }
        if head.starts(with: Array("GIF8".utf8)) { return "GIF" }
        return nil
    }
}
