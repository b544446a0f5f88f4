import DanVanCore
import Foundation

/// Reads a PDF's text through poppler's `pdftotext`; a PDF with no text layer (a scan) through
/// `pdftoppm` and `tesseract` with Vietnamese data, when they are installed. The lines then go
/// through the same paragraph joining as any wrapped text.
enum PdfPlanSource {
    struct Reading {
        var lines: [PlanLine]
        var warnings: [PlanDocument.Warning]
    }

    /// Recognising a page takes seconds: a scan longer than this is read up to here, and says so.
    static let maxOCRPages = 10

    static func read(_ data: Data, filename: String) throws(PlanReadError) -> Reading {
        guard let pdftotext = ExternalTool.find("pdftotext") else {
            throw PlanReadError("Để đọc tệp PDF, máy chủ cần công cụ pdftotext (gói poppler-utils: apt-get install poppler-utils). "
                                + "Hoặc hãy tải lên tệp Word (.docx) của văn bản.")
        }
        let folder: ScratchFolder
        do { folder = try ScratchFolder() } catch { throw PlanReadError("Không tạo được thư mục tạm để đọc tệp \(filename).") }
        defer { folder.remove() }
        let input = folder.url.appendingPathComponent("input.pdf")
        do { try data.write(to: input) } catch { throw PlanReadError("Không ghi được tệp tạm để đọc \(filename).") }

        let text: String
        do {
            let layout = String(decoding: try pdftotext.run(["-bbox-layout", "-enc", "UTF-8", input.path, "-"]), as: UTF8.self)
            text = PdfLayoutText.paragraphs(fromBoundingBoxes: layout)
        } catch {
            throw PlanReadError("Không đọc được tệp PDF \(filename) (tệp hỏng, có mật khẩu, hoặc quá lớn). Hãy tải lên tệp Word (.docx).")
        }
        if hasTextLayer(text) {
            var warnings: [PlanDocument.Warning] = []
            let lines = TextPlanSource.lines(from: text.precomposed)
            return Reading(lines: cutScrambledTable(lines, warnings: &warnings), warnings: warnings)
        }
        return try recognise(input, in: folder, filename: filename)
    }

    /// A text layer has words; a scan's PDF gives nothing or a few stray characters.
    static func hasTextLayer(_ text: String) -> Bool {
        text.unicodeScalars.lazy.filter { CharacterSet.letters.contains($0) }.prefix(40).count >= 40
    }

    /// A table's cells come out of a PDF one under another, columns mixed; its rows cannot be
    /// rebuilt from the text alone. The reading stops at the table's header row and says so.
    static func cutScrambledTable(_ lines: [PlanLine], warnings: inout [PlanDocument.Warning]) -> [PlanLine] {
        guard let start = lines.firstIndex(where: { ["Stt", "STT", "TT"].contains($0.text.trimmed()) }),
              lines[start...].prefix(12).contains(where: { VietnameseFolding.fold($0.text).contains("noi dung") }) else { return lines }
        warnings.append(.init(line: lines[start].number,
                              message: "Bảng từ dòng \(lines[start].number) của tệp PDF không đọc được theo cột, nên các nhiệm vụ trong bảng chưa được lấy. "
                                  + "Hãy tải lên tệp Word (.docx) của văn bản để đọc bảng."))
        return Array(lines[..<start])
    }

    /// "page-2.png" before "page-10.png".
    private static func pageNumber(_ name: String) -> Int {
        Int(name.filter(\.isNumber)) ?? 0
    }

    private static func recognise(_ input: URL, in folder: ScratchFolder, filename: String) throws(PlanReadError) -> Reading {
        guard let pdftoppm = ExternalTool.find("pdftoppm"), let tesseract = ExternalTool.find("tesseract") else {
            throw PlanReadError("Tệp PDF \(filename) không có lớp chữ (là bản chụp hoặc quét). Để nhận dạng chữ, máy chủ cần pdftoppm và tesseract "
                                + "với dữ liệu tiếng Việt (apt-get install poppler-utils tesseract-ocr tesseract-ocr-vie). Hoặc hãy tải lên tệp Word (.docx).")
        }
        let pagePrefix = folder.url.appendingPathComponent("page").path
        do {
            _ = try pdftoppm.run(["-r", "300", "-gray", "-png", "-l", String(maxOCRPages + 1), input.path, pagePrefix], seconds: 120)
        } catch {
            throw PlanReadError("Không chuyển được các trang của tệp PDF \(filename) thành ảnh để nhận dạng chữ.")
        }
        let rendered = ((try? FileManager.default.contentsOfDirectory(atPath: folder.url.path)) ?? [])
            .filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }.sorted { pageNumber($0) < pageNumber($1) }
        let pages = Array(rendered.prefix(maxOCRPages))
        var text = ""
        for page in pages {
            do {
                let recognised = try tesseract.run([folder.url.appendingPathComponent(page).path, "stdout", "-l", "vie", "--psm", "4"], seconds: 120)
                text += String(decoding: recognised, as: UTF8.self) + "\n"
            } catch {
                throw PlanReadError("Không nhận dạng được chữ trong tệp PDF \(filename) (cần dữ liệu tiếng Việt của tesseract: gói tesseract-ocr-vie).")
            }
        }
        guard hasTextLayer(text) else {
            throw PlanReadError("Tệp PDF \(filename) không có lớp chữ và không nhận dạng được chữ nào. Hãy tải lên tệp Word (.docx).")
        }
        var warnings = [PlanDocument.Warning(line: nil, message: "Tệp PDF không có lớp chữ: nội dung được nhận dạng từ ảnh (OCR) trên \(pages.count) trang; "
                                             + "hãy đối chiếu số, ngày, tên và các con số với bản gốc.")]
        if rendered.count > maxOCRPages {
            warnings.append(.init(line: nil, message: "Chỉ nhận dạng \(maxOCRPages) trang đầu của bản quét; các trang sau chưa được đọc. "
                                  + "Hãy tải lên tệp Word (.docx) để đọc đủ văn bản."))
        }
        let lines = cutScrambledTable(TextPlanSource.lines(from: text.precomposed), warnings: &warnings)
        return Reading(lines: lines, warnings: warnings)
    }
}
