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

    @Test("collapsing agrees with Character.isWhitespace on every scalar below U+3100")
    func collapsingEveryScalar() {
        for value in UInt32(1)..<0x3100 {
            // A mark that joins the space before it makes one Character with it; Character
            // semantics would drop the mark, and the reader keeps it.
            guard let scalar = Unicode.Scalar(value), " \(scalar)".count == 2 else { continue }
            for sample in ["a\(scalar)b", " \(scalar)", "\(scalar)\(scalar)x"] {
                let words = sample.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
                #expect(sample.collapsingWhitespace() == words, "U+\(String(value, radix: 16))")
            }
        }
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

@Suite("List item markers")
struct ItemMarkerTests {
    @Test("bullets and dotted numbers are stripped with the spaces after them")
    func dotted() {
        #expect(ItemMarker.strip("- Tuyên truyền") == "Tuyên truyền")
        #expect(ItemMarker.strip("  – Tuyên truyền") == "Tuyên truyền")
        #expect(ItemMarker.strip("•Tuyên truyền") == "Tuyên truyền")
        #expect(ItemMarker.strip("1. Tuyên truyền") == "Tuyên truyền")
        #expect(ItemMarker.strip("2.3. Tuyên truyền") == "Tuyên truyền")
        #expect(ItemMarker.strip("12.") == "")
    }

    @Test("figures and long numbers are not markers")
    func notMarkers() {
        #expect(ItemMarker.strip("12.5% cán bộ") == "12.5% cán bộ")
        #expect(ItemMarker.strip("100% chi bộ") == "100% chi bộ")
        #expect(ItemMarker.strip("2024 là năm") == "2024 là năm")
        #expect(ItemMarker.strip("Ban Dân vận") == "Ban Dân vận")
        #expect(ItemMarker.strip("") == "")
    }

    @Test("loose numbering takes a number without its dot; none takes only bullets")
    func otherNumberings() {
        #expect(ItemMarker.strip("3 Ban Dân vận chủ trì", numbering: .loose) == "Ban Dân vận chủ trì")
        #expect(ItemMarker.strip("1.2 Ban Dân vận", numbering: .loose) == "Ban Dân vận")
        #expect(ItemMarker.strip("1. Ban Dân vận", numbering: .none) == "1. Ban Dân vận")
        #expect(ItemMarker.strip("+ Ban Dân vận", numbering: .none) == "Ban Dân vận")
    }
}
