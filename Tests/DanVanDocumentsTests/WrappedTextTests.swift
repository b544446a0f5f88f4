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


@Suite("Plan reader: conventions of real plans")
struct RealPlanConventionTests {
    @Test("theme and motto with quotation marks inside quotation marks, in text and in DOCX")
    func themeAndMotto() throws {
        let opening = "Ban Thường vụ Huyện ủy ban hành Kế hoạch công tác dân vận năm 2024 với chủ đề: “Năm đẩy mạnh phong trào thi đua "
            + "“Dân vận khéo” gắn với xây dựng nông thôn mới”, theo phương châm: “Trọng dân, gần dân, hiểu dân” như sau:"
        let text = "KẾ HOẠCH\nCông tác dân vận năm 2024\n\(opening)\nI. MỤC ĐÍCH\nNâng cao chất lượng.\n"
        let fromText = PlanReader.read(TextPlanSource.lines(from: text))
        #expect(fromText.theme == "Năm đẩy mạnh phong trào thi đua “Dân vận khéo” gắn với xây dựng nông thôn mới")
        #expect(fromText.motto == "Trọng dân, gần dân, hiểu dân")
        // The emphasis Word puts on the quoted name (a run of its own in bold) must not cut the quotation.
        let emphasised = opening.replacingOccurrences(of: "“Dân vận khéo”", with: "</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>“Dân vận khéo”</w:t></w:r><w:r><w:t xml:space=\"preserve\">")
        let docx = try DocxBuilder.document(body: ["KẾ HOẠCH", "Công tác dân vận năm 2024", emphasised, "I. MỤC ĐÍCH", "Nâng cao chất lượng."]
            .map { DocxBuilder.paragraph(DocxBuilder.run($0)) }.joined())
        let fromDocx = try PlanFileReader.read(docx, filename: "kh.docx")
        #expect(fromDocx.theme == fromText.theme)
        #expect(fromDocx.motto == fromText.motto)
        // A motto quoted inside a task is not the plan's.
        let task = "KẾ HOẠCH\nCông tác dân vận năm 2024\nThực hiện Kế hoạch số 1-KH/TU ngày 2/1/2024.\nI. NHIỆM VỤ\n"
            + "1. Lãnh đạo phát huy dân chủ, thực hiện tốt phương châm “Dân biết, dân bàn, dân làm, dân kiểm tra” ở cơ sở.\n"
        #expect(PlanReader.read(TextPlanSource.lines(from: task)).motto == nil)
    }

    @Test("an item of 'Tổ chức thực hiện' giving a unit work with a deadline is a task led by that unit")
    func implementationTask() {
        let text = """
        KẾ HOẠCH
        Công tác dân vận năm 2024
        I. MỤC ĐÍCH
        Nâng cao chất lượng công tác dân vận.
        II. TỔ CHỨC THỰC HIỆN
        1. Phòng Nội vụ huyện tham mưu tổng hợp, báo cáo kết quả thực hiện Kế hoạch, hoàn thành trước ngày 15/12/2024.
        2. Các cơ quan, đơn vị căn cứ Kế hoạch này triển khai thực hiện.
        """
        let plan = PlanReader.read(TextPlanSource.lines(from: text))
        #expect(plan.tasks.count == 1)
        #expect(plan.tasks.first?.lead == ["Phòng Nội vụ huyện"])
        #expect(plan.tasks.first?.timing.deadline == "2024-12-15")
    }

    @Test("joint symbols are read whole and keep their spelling")
    func jointSymbols() {
        let text = "KẾ HOẠCH\nCông tác dân vận năm 2024\nThực hiện Chương trình phối hợp số 05-CTrPH/BDVTU-BCSĐ UBND tỉnh ngày 10/3/2021 "
            + "và Quy chế phối hợp số 01-QCPH/UBND-BDVTU ngày 12/4/2022, UBND huyện xây dựng Kế hoạch như sau:\nI. MỤC ĐÍCH\nNâng cao.\n"
        let plan = PlanReader.read(TextPlanSource.lines(from: text))
        #expect(Set(plan.basis.map(\.normalized)) == ["05-CTrPH/BDVTU-BCSĐ UBND tỉnh", "01-QCPH/UBND-BDVTU"])
        #expect(DocumentNumber.parse("01-QCPH/UBND-BDVTU")?.style == .party)
    }

    @Test("a schedule table with one paragraph per cell: a task per row with its latest date")
    func paragraphTable() throws {
        let text = try String(contentsOfFile: Fixtures.webCopyPath("phutho-schedule-2021.txt"), encoding: .utf8)
        let plan = PlanReader.read(TextPlanSource.lines(from: text))
        #expect(plan.kind == .plan)
        #expect(plan.tasks.map(\.group).prefix(4) == ["1", "2", "3", "4"])
        #expect(plan.tasks.first?.timing.deadline == "2021-01-21")
        #expect(plan.tasks[3].timing.deadline == "2021-02-07")
        #expect(plan.tasks.first?.text.hasPrefix("Triển khai công tác bầu cử ở tỉnh") == true)
    }

    @Test("the four web copies: what each is, and its own number, date and issuer")
    func webCopies() throws {
        let news = PlanReader.read(TextPlanSource.lines(from: try String(contentsOfFile: Fixtures.webCopyPath("backan-news-dvk-2018.txt"), encoding: .utf8)))
        #expect(news.kind == .unknown)
        #expect(news.warnings.first?.message.contains("bản tin") == true)
        #expect(news.signature == nil)
        let central = PlanReader.read(TextPlanSource.lines(from: try String(contentsOfFile: Fixtures.webCopyPath("bdvtw-kh-1600-2018.txt"), encoding: .utf8)))
        #expect(central.kind == .plan)
        #expect(central.number?.normalized == "1600-KH/BDVTW")
        #expect(central.issuedOn == "2018-02-28")
        #expect(central.issuer == "Ban Dân vận Trung ương")
        #expect(central.year == 2018)
        #expect(!central.citations.contains { $0.normalized == "1600-KH/BDVTW" })
        #expect(central.signature == nil)
        #expect(central.tasks.first?.timing.deadline == "2018-09-30")
        let laoCai = PlanReader.read(TextPlanSource.lines(from: try String(contentsOfFile: Fixtures.webCopyPath("laocai-kh-24-2024.txt"), encoding: .utf8)))
        #expect(laoCai.issuer == "Ủy ban nhân dân tỉnh Lào Cai")
        #expect(laoCai.number?.normalized == "24/KH-UBND")
        #expect(laoCai.issuedOn == "2024-01-18")
        #expect(laoCai.subject == "Thực hiện công tác dân vận chính quyền năm 2024 trên địa bàn tỉnh Lào Cai")
        #expect(laoCai.basis.map(\.normalized).contains("83-KH/TU"))
        #expect(laoCai.basis.first { $0.normalized == "83-KH/TU" }?.issuedOn == "2021-12-14")
        #expect(laoCai.signature == nil)
        #expect(laoCai.warnings.contains { $0.message.contains("có vẻ bị cắt") })
    }
}
