import Foundation
import Testing
import DanVanCore
@testable import DanVanDocuments

@Suite("Plan reader: PDF", .serialized)
struct PdfReaderTests {
    @Test("a seed's DOCX printed to PDF by LibreOffice reads back to the facts of its text", arguments: Fixtures.seeds)
    func seedAsPdf(seed: String) throws {
        guard PdfFixtures.toolsAvailable else {
            #expect(!PdfFixtures.toolsRequired, "LibreOffice, poppler-utils and tesseract-ocr-vie are required here")
            return
        }
        let pdf = try PdfFixtures.pdf(fromDocx: Fixtures.url(seed + ".docx"))
        let fromPdf = try PlanFileReader.read(pdf, filename: seed + ".pdf")
        let fromText = try PlanFileReader.read(Fixtures.data(seed + ".txt"), filename: seed + ".txt")
        // A PDF's tables come out with their columns mixed: the reader stops at the appendix
        // table and says so, so its rows are left out of both sides.
        #expect(PlanFacts(withoutAppendix(fromPdf)).difference(from: PlanFacts(withoutAppendix(fromText))) == nil, "\(seed)")
        if fromText.tasks.contains(where: { $0.section == "appendix" }) {
            #expect(fromPdf.warnings.contains { $0.message.contains("không đọc được theo cột") })
        }
    }

    @Test("a scanned page (no text layer) is recognised: number, date and title, with a warning to check them")
    func scannedPage() throws {
        guard PdfFixtures.toolsAvailable else {
            #expect(!PdfFixtures.toolsRequired, "LibreOffice, poppler-utils and tesseract-ocr-vie are required here")
            return
        }
        let pdf = try PdfFixtures.pdf(fromDocx: Fixtures.url("seed-004.docx"))
        let scan = try PdfFixtures.scannedFirstPage(of: pdf)
        let plan = try PlanFileReader.read(scan, filename: "scan.pdf")
        #expect(plan.number?.normalized == "/KH-VPUBND")
        #expect(plan.year == 2025)
        #expect(plan.place == "Lai Châu")
        #expect(plan.subject == "Triển khai, thực hiện công tác dân vận chính quyền năm 2025")
        #expect(plan.warnings.first?.message.contains("nhận dạng từ ảnh") == true)
    }

    @Test("a PDF that is not a PDF inside, or empty of text and images, gets a clear message")
    func brokenPdf() throws {
        guard ExternalTool.find("pdftotext") != nil else { return }
        let error = #expect(throws: PlanReadError.self) { try PlanFileReader.read(Data("%PDF-1.4\nnot really\n".utf8), filename: "hong.pdf") }
        #expect(error?.description.contains("hong.pdf") == true)
        #expect(error?.description.contains(".docx") == true)
    }

    /// The plan without its appendix table's rows and the citations only they make.
    private func withoutAppendix(_ plan: PlanDocument) -> PlanDocument {
        var plan = plan
        guard let tableStart = plan.tasks.filter({ $0.section == "appendix" }).map(\.line).min() else { return plan }
        plan.tasks.removeAll { $0.section == "appendix" }
        plan.citations.removeAll { $0.occurrences.allSatisfy { $0 >= tableStart } }
        return plan
    }
}
