import Testing
@testable import DanVanCore

@Suite("Vietnamese folding")
struct VietnameseFoldingTests {
    @Test("tone marks, case and đ fold away", arguments: [
        ("Đảng ủy xã", "dang uy xa"),
        ("đường", "duong"),
        ("ĐOÀN THANH NIÊN", "doan thanh nien"),
        ("Hội Liên hiệp Phụ nữ", "hoi lien hiep phu nu"),
        ("  Bản   Hon ", "ban hon"),
        ("Mặt trận Tổ quốc", "mat tran to quoc"),
    ])
    func folds(input: String, expected: String) {
        #expect(VietnameseFolding.fold(input) == expected)
    }

    @Test("decomposed and composed spellings fold alike")
    func normalizationForms() {
        let composed = "Lư"
        let decomposed = "Lu\u{031B}"
        #expect(VietnameseFolding.fold(composed) == VietnameseFolding.fold(decomposed))
    }
}
