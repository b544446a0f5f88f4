import Foundation
import Testing
import DanVanCore
@testable import DanVanDocuments

@Suite("Plan reader: files it must refuse or flag")
struct PlanFileReaderBadInputTests {
    private func refusal(_ data: Data, _ name: String) -> String? {
        do {
            _ = try PlanFileReader.read(data, filename: name)
            return nil
        } catch {
            return error.description
        }
    }

    @Test("empty, PDF, image, old .doc, binary: a clear reason each")
    func refusals() {
        #expect(refusal(Data(), "a.txt")?.contains("trống") == true)
        #expect(refusal(Data("%PDF-1.7\n...".utf8), "kh.pdf")?.contains(".docx") == true)
        #expect(refusal(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "scan.png")?.contains("ảnh PNG") == true)
        #expect(refusal(Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]), "cu.doc")?.contains(".docx") == true)
        #expect(refusal(Data([0x00, 0x01, 0x02, 0xFF, 0x00]), "x.bin")?.contains("không phải văn bản") == true)
        #expect(refusal(Data("not a zip".utf8), "kh.docx")?.contains("không phải ZIP") == true)
    }

    @Test("a file over the size limit is refused before it is read")
    func tooLarge() {
        let big = Data(repeating: 0x41, count: PlanFileReader.maxBytes + 1)
        #expect(refusal(big, "big.txt")?.contains("vượt giới hạn") == true)
    }

    @Test("text in TCVN3 or VNI is recognised and the user told how to convert")
    func legacyEncodings() {
        let tcvn3 = "KÕ ho¹ch c«ng t¸c d©n vËn n¨m 2023. Thùc hiÖn Ch−¬ng tr×nh sè 27-CTr/TU cña Ban Th−êng vô TØnh ñy"
        #expect(refusal(Data(tcvn3.utf8), "tcvn3.txt")?.contains("TCVN3") == true)
        let vni = "Keá hoaïch coâng taùc daân vaän naêm 2023. Thöïc hieän Chöông trình soá 27-CTr/TU cuûa Ban Thöôøng vuï Tænh uûy"
        #expect(refusal(Data(vni.utf8), "vni.txt")?.contains("VNI") == true)
        let rawBytes = tcvn3.replacingOccurrences(of: "−", with: "\u{AD}").data(using: .isoLatin1)
        #expect(rawBytes != nil)
        #expect(refusal(rawBytes ?? Data(), "raw.txt")?.contains("bảng mã cũ") == true)
    }

    @Test("a document that is not a plan reads as unknown, saying why")
    func notAPlan() throws {
        let report = "BÁO CÁO\nKết quả công tác dân vận 6 tháng đầu năm 2024\n\nI. KẾT QUẢ\n1. Công tác lãnh đạo\nĐã tổ chức 12 cuộc."
        let read = try PlanFileReader.read(Data(report.utf8), filename: "bc.txt")
        #expect(read.kind == .unknown)
        #expect(read.documentType == "BC")
        #expect(read.warnings.first?.message.contains("không phải kế hoạch") == true)
        let prose = try PlanFileReader.read(Data("Hôm nay trời đẹp.\nChúng tôi đi chơi.".utf8), filename: "x.txt")
        #expect(prose.kind == .unknown)
        #expect(prose.warnings.first?.message.contains("KẾ HOẠCH") == true)
    }

    @Test("a month 13 in the schedule is a warning on its line, not a month")
    func monthThirteen() throws {
        let text = "KẾ HOẠCH\nCông tác dân vận năm 2024\n\nI. NỘI DUNG\nTriển khai.\n\nStt\tNội dung\tThời gian\tChủ trì\tPhối hợp\n1\tTập huấn\tTháng 13\tBan Dân vận\tMTTQ\n"
        let read = try PlanFileReader.read(Data(text.utf8), filename: "k.txt")
        #expect(read.warnings.contains { $0.line == 8 && $0.message.contains("13") })
        #expect(read.tasks.first { $0.section == "appendix" }?.timing.months == [])
    }
}
