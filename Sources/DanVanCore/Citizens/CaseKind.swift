/// The four kinds of matter a citizen raises (Luật Tiếp công dân 2013).
public enum CaseKind: String, Codable, Sendable, CaseIterable {
    case recommendation
    case report
    case complaint
    case denunciation

    public var label: String {
        switch self {
        case .recommendation: "Kiến nghị"
        case .report: "Phản ánh"
        case .complaint: "Khiếu nại"
        case .denunciation: "Tố cáo"
        }
    }

    /// Reads the kind as a register writes it ("Kiến nghị", "KN", "tố cáo") or the stored key.
    public init?(parsing text: String) {
        let folded = VietnameseFolding.fold(text).trimmingCharacters(in: .whitespaces)
        if let kind = CaseKind(rawValue: folded) { self = kind; return }
        switch folded {
        case "kien nghi", "kn": self = .recommendation
        case "phan anh", "pa": self = .report
        case "khieu nai", "kn2", "kna": self = .complaint
        case "to cao", "tc": self = .denunciation
        default: return nil
        }
    }

    /// Whoever raised it is protected by law: the identity is kept secret (Luật Tố cáo 2018, Điều 9, 56).
    public var protectsIdentity: Bool { self == .denunciation }
}

/// How the matter reached the unit.
public enum CaseChannel: String, Codable, Sendable, CaseIterable {
    case inPerson
    case letter
    case online
    case dialogue
    case forwarded

    public var label: String {
        switch self {
        case .inPerson: "Trực tiếp tại buổi tiếp dân"
        case .letter: "Đơn thư gửi đến"
        case .online: "Trực tuyến, cổng phản ánh"
        case .dialogue: "Tại hội nghị đối thoại"
        case .forwarded: "Do Mặt trận, đoàn thể chuyển đến"
        }
    }

    public init?(parsing text: String) {
        let folded = VietnameseFolding.fold(text).trimmingCharacters(in: .whitespaces)
        if let channel = CaseChannel(rawValue: text.trimmingCharacters(in: .whitespaces)) { self = channel; return }
        if folded.contains("doi thoai") { self = .dialogue }
        else if folded.contains("truc tiep") || folded.contains("tiep dan") { self = .inPerson }
        else if folded.contains("truc tuyen") || folded.contains("cong") || folded.contains("online") { self = .online }
        else if folded.contains("mat tran") || folded.contains("doan the") || folded.contains("chuyen") { self = .forwarded }
        else if folded.contains("don") || folded.contains("thu") { self = .letter }
        else { return nil }
    }
}

/// How involved the matter is, which lengthens some limits and allows extensions.
public enum CaseComplexity: String, Codable, Sendable, CaseIterable {
    case ordinary
    case complex
    case veryComplex

    public var label: String {
        switch self {
        case .ordinary: "Thông thường"
        case .complex: "Phức tạp"
        case .veryComplex: "Đặc biệt phức tạp"
        }
    }
}
