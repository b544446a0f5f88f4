import Foundation
import Testing
import DanVanCore
@testable import DanVanDocuments

@Suite("Plan reader: wrapped lines")
struct WrappedTextTests {
    static let widths = [50, 60, 80, 100]

    @Test("a seed re-wrapped at 50, 60, 80 or 100 columns gives the same facts", arguments: Fixtures.seeds)
    func rewrappedText(seed: String) throws {
        let text = try #require(String(data: Fixtures.data(seed + ".txt"), encoding: .utf8))
        let original = PlanFacts(PlanReader.read(TextPlanSource.lines(from: text)))
        for width in Self.widths {
            let wrapped = PlanFacts(PlanReader.read(TextPlanSource.lines(from: Rewrap.text(text, width: width))))
            #expect(wrapped.difference(from: original) == nil, "\(seed) at \(width) columns")
        }
    }

    /// Paragraphs set apart by a blank line, as a paste from Word gives them: without that (or an
    /// indent), a paragraph whose last line is full and ends a sentence cannot be told from a
    /// sentence inside one (docs/ACCURACY.md counts how often that happens).
    @Test("the text of a seed's DOCX, re-wrapped, gives the facts of the DOCX", arguments: Fixtures.seeds)
    func rewrappedDocxText(seed: String) throws {
        let docxLines = try PlanFileReader.lines(Fixtures.data(seed + ".docx"), filename: seed + ".docx")
        let original = PlanFacts(PlanReader.read(docxLines, layout: .paragraphs))
        let text = Rewrap.plainText(docxLines, blankLineBetween: true)
        for width in Self.widths {
            let wrapped = PlanFacts(PlanReader.read(TextPlanSource.lines(from: Rewrap.text(text, width: width))))
            #expect(wrapped.difference(from: original) == nil, "\(seed) DOCX text at \(width) columns")
        }
    }

    @Test("dates, citations, titles and headings broken across lines are joined")
    func brokenPieces() {
        let text = """
        ỦY BAN NHÂN DÂN
        TỈNH TIỀN GIANG
        -------
        |
        CỘNG HÒA XÃ HỘI
        CHỦ NGHĨA VIỆT NAM
        Độc lập - Tự do - Hạnh phúc
        |
        Số: 12/KH-UBND
        |
        Tiền Giang, ngày 18
        tháng 01 năm 2024
        |
        KẾ HOẠCH
        THỰC
        HIỆN CÔNG TÁC DÂN VẬN CHÍNH QUYỀN NĂM 2024
        Thực hiện Kế hoạch số 83-KH/TU ngày
        14/12/2021 của Tỉnh ủy Tiền Giang về tăng cường công tác dân vận của cơ quan nhà nước, Mặt
        trận Tổ quốc và các tổ chức chính trị - xã hội các cấp, UBND tỉnh xây dựng Kế hoạch như sau:
        I. MỤC ĐÍCH,
        YÊU CẦU
        1. Tiếp tục triển khai thực hiện Chỉ thị của
        Thủ tướng Chính phủ về công tác dân vận trong tình hình mới.
        II. CHỈ TIÊU
        1. Phấn đấu 100% cơ quan hành chính nhà nước xây dựng kế hoạch công tác dân vận chính
        quyền năm 2024.
        """
        let plan = PlanReader.read(TextPlanSource.lines(from: text))
        #expect(plan.issuer == "Ủy ban nhân dân tỉnh Tiền Giang")
        #expect(plan.number?.normalized == "12/KH-UBND")
        #expect(plan.issuedOn == "2024-01-18")
        #expect(plan.place == "Tiền Giang")
        #expect(plan.subject == "Thực hiện công tác dân vận chính quyền năm 2024")
        #expect(plan.year == 2024)
        #expect(plan.basis.map(\.normalized) == ["83-KH/TU"])
        #expect(plan.basis.first?.issuedOn == "2021-12-14")
        #expect(plan.sections.map(\.heading) == ["MỤC ĐÍCH, YÊU CẦU", "CHỈ TIÊU"])
        #expect(plan.targets.count == 1)
        #expect(plan.targets.first?.value == 100)
    }

    @Test("a party header: the issuing body under its committee, never the motto")
    func partyHeader() {
        let text = """
        TỈNH ỦY LÀO CAI
        BAN DÂN VẬN
        *
        ĐẢNG CỘNG SẢN VIỆT NAM
        Số 12-KH/BDVTU
        Lào Cai, ngày 05 tháng 01 năm 2024
        KẾ HOẠCH
        công tác dân vận năm 2024
        I. MỤC ĐÍCH, YÊU CẦU
        Nâng cao chất lượng công tác dân vận.
        """
        let plan = PlanReader.read(TextPlanSource.lines(from: text))
        #expect(plan.issuer == "Ban Dân vận Tỉnh ủy Lào Cai")
        #expect(plan.number?.normalized == "12-KH/BDVTU")
        #expect(plan.issuedOn == "2024-01-05")
        #expect(plan.subject == "công tác dân vận năm 2024")
    }
}

