import Foundation
import Testing
@testable import DanVanCore

/// The byte-level helpers must agree with Foundation's, which they replace on the reader's hot path.
@Suite("Literal search over UTF-8")
struct LiteralSearchTests {
    static let samples = [
        "", "a", "Căn cứ Nghị quyết số 25-NQ/TW, ngày 03/6/2013 của Ban Chấp hành Trung ương về tăng cường",
        "của Ban Thường vụ Tỉnh ủy; về công tác dân vận", "ệệệ về về", "\tHuyện ủy\t\tTam Đường\t", "về", " về ",
        "Đảng ủy xã\u{00A0}Bình Lư.  ", "e\u{301} về\u{301} về", "kết thúc bằng về",
    ]
    static let needles = [" về ", "về", ";", ", ", "\t", "ệ", "Tam Đường", "không có"]

    @Test("rangeOfLiteral finds what Foundation's range(of:) finds", arguments: samples)
    func rangeMatchesFoundation(sample: String) {
        for needle in Self.needles {
            let ours = sample.rangeOfLiteral(needle).map { sample.utf8.distance(from: sample.startIndex, to: $0.lowerBound) }
            let theirs = sample.range(of: needle).map { sample.utf8.distance(from: sample.startIndex, to: $0.lowerBound) }
            #expect(ours == theirs, "\(needle) in \(sample)")
        }
    }

    @Test("splitLiteral keeps empty pieces as components(separatedBy:) does", arguments: samples)
    func splitMatchesFoundation(sample: String) {
        for needle in Self.needles {
            #expect(sample.splitLiteral(needle) == sample.components(separatedBy: needle), "\(needle) in \(sample)")
        }
    }

    @Test("a search can start after an earlier match, and on a substring")
    func searchFrom() throws {
        let text = "về A về B"
        let first = try #require(text.rangeOfLiteral("về"))
        let second = try #require(text.rangeOfLiteral("về", from: first.upperBound))
        #expect(text[second.upperBound...] == " B")
        let tail = text[first.upperBound...]
        #expect(tail.rangeOfLiteral("B").map { String(tail[$0]) } == "B")
        #expect(text.replacingLiteral("về", with: "ve") == "ve A ve B")
    }

    @Test("trimming and collapsing whitespace, including non-breaking spaces")
    func whitespace() {
        #expect("  ,Ban Dân vận;\u{00A0}".trimmed(",;") == "Ban Dân vận")
        #expect(" \t ".trimmed() == "")
        #expect("Ban\u{00A0}\u{00A0}Dân \t vận ".collapsingWhitespace() == "Ban Dân vận")
        #expect("".collapsingWhitespace() == "")
        for sample in Self.samples + ["\u{2003}Ban\u{3000}Dân\u{2028}vận\u{85}", "Đ\u{1680}ảng  ", "x\u{200B}y"] {
            let words = sample.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            #expect(sample.collapsingWhitespace() == words, "\(sample.unicodeScalars.map { $0.value })")
        }
    }
}
