import Foundation
@testable import DanVanDocuments

/// PDFs made in the test: a seed's DOCX converted by LibreOffice, and a "scan" (a page rendered
/// to an image and wrapped back into a PDF with no text layer).
enum PdfFixtures {
    /// True when the tools are here; CI sets DANVAN_REQUIRE_PDF_TOOLS=1 so that a missing tool fails.
    static var toolsAvailable: Bool {
        ["soffice", "pdftotext", "pdftoppm", "tesseract"].allSatisfy { ExternalTool.find($0) != nil }
    }

    static var toolsRequired: Bool {
        ProcessInfo.processInfo.environment["DANVAN_REQUIRE_PDF_TOOLS"] == "1"
    }

    static func pdf(fromDocx docx: URL) throws -> Data {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let soffice = try require("soffice")
        _ = try soffice.run(["-env:UserInstallation=file://\(folder.url.path)/profile", "--headless", "--convert-to", "pdf",
                             "--outdir", folder.url.path, docx.path], seconds: 180, memoryBytes: 4 << 30)
        let name = docx.deletingPathExtension().lastPathComponent + ".pdf"
        return try Data(contentsOf: folder.url.appendingPathComponent(name))
    }

    /// The first page of `pdf` as a JPEG image inside a PDF of its own, with no text.
    static func scannedFirstPage(of pdf: Data) throws -> Data {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        let input = folder.url.appendingPathComponent("in.pdf")
        try pdf.write(to: input)
        _ = try require("pdftoppm").run(["-jpeg", "-r", "300", "-gray", "-f", "1", "-l", "1", "-singlefile", input.path,
                                         folder.url.appendingPathComponent("page").path])
        let jpeg = try Data(contentsOf: folder.url.appendingPathComponent("page.jpg"))
        return try imagePDF(jpeg: jpeg)
    }

    private static func require(_ name: String) throws -> ExternalTool {
        guard let tool = ExternalTool.find(name) else { throw MissingTool(name: name) }
        return tool
    }

    struct MissingTool: Error { let name: String }

    /// A one-page PDF showing a JPEG at A4 size.
    static func imagePDF(jpeg: Data) throws -> Data {
        let (width, height, components) = try jpegSize(jpeg)
        let colorSpace = components == 1 ? "DeviceGray" : "DeviceRGB"
        var pdf = Data("%PDF-1.4\n".utf8)
        var offsets: [Int] = []
        func object(_ body: Data) {
            offsets.append(pdf.count)
            pdf.append(Data("\(offsets.count) 0 obj\n".utf8))
            pdf.append(body)
            pdf.append(Data("\nendobj\n".utf8))
        }
        let content = Data("q 595 0 0 842 0 0 cm /Im0 Do Q".utf8)
        object(Data("<< /Type /Catalog /Pages 2 0 R >>".utf8))
        object(Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8))
        object(Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>".utf8))
        object(Data("<< /Type /XObject /Subtype /Image /Width \(width) /Height \(height) /ColorSpace /\(colorSpace) /BitsPerComponent 8 /Filter /DCTDecode /Length \(jpeg.count) >>\nstream\n".utf8)
               + jpeg + Data("\nendstream".utf8))
        object(Data("<< /Length \(content.count) >>\nstream\n".utf8) + content + Data("\nendstream".utf8))
        let xref = pdf.count
        pdf.append(Data("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n".utf8))
        for offset in offsets { pdf.append(Data(String(format: "%010d 00000 n \n", offset).utf8)) }
        pdf.append(Data("trailer\n<< /Size \(offsets.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n".utf8))
        return pdf
    }

    /// Width, height and colour components from the JPEG's start-of-frame marker.
    private static func jpegSize(_ jpeg: Data) throws -> (Int, Int, Int) {
        let bytes = [UInt8](jpeg)
        var index = 2
        while index + 10 < bytes.count {
            guard bytes[index] == 0xFF else { index += 1; continue }
            let marker = bytes[index + 1]
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            if (0xC0...0xC3).contains(marker) {
                let height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                let width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                return (width, height, Int(bytes[index + 9]))
            }
            index += 2 + length
        }
        throw MissingTool(name: "JPEG size")
    }
}
