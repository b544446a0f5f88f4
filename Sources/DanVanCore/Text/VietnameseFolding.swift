import Foundation

/// Folds Vietnamese text for search: lower case, tone and vowel marks removed, đ → d,
/// runs of whitespace collapsed. "Đảng ủy xã" and "dang uy xa" fold to the same string.
/// A table of the Vietnamese letters does the common case; anything else goes through
/// Foundation's (much slower) diacritic folding.
public enum VietnameseFolding {
    public static func fold(_ text: some StringProtocol) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.isFastWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if scalar.isASCII {
                out.append(UInt8(ascii: scalar).lowercasedASCII)
            } else if let base = table[scalar] {
                out.append(base)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else if !scalar.properties.isAlphabetic {
                out.append(contentsOf: String(scalar).utf8)
            } else {
                out.append(contentsOf: String(scalar).folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
                    .lowercased().utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The fold of the first `length` characters: enough to test how a line begins.
    public static func foldPrefix(_ text: String, _ length: Int = 24) -> String {
        fold(text.prefix(length))
    }

    private static let groups: [(Character, String)] = [
        ("a", "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"), ("e", "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"), ("i", "ìíỉĩịÌÍỈĨỊ"),
        ("o", "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"), ("u", "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"), ("y", "ỳýỷỹỵỲÝỶỸỴ"), ("d", "đĐ"),
    ]

    private static let table: [Unicode.Scalar: UInt8] = {
        var table: [Unicode.Scalar: UInt8] = [:]
        for (base, letters) in groups {
            for letter in letters {
                // Letters are written precomposed above; each is one scalar.
                if let scalar = letter.unicodeScalars.first, let baseByte = base.asciiValue { table[scalar] = baseByte }
            }
        }
        return table
    }()
}

private extension UInt8 {
    init(ascii scalar: Unicode.Scalar) {
        self = UInt8(truncatingIfNeeded: scalar.value)
    }

    var lowercasedASCII: UInt8 {
        (65...90).contains(self) ? self + 32 : self
    }
}
