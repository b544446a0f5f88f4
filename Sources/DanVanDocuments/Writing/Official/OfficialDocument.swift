import DanVanCore

/// An official document as its issuing body lays it out: the header, the title block, the
/// numbered body, "Nơi nhận" beside the signature, and appendix tables on landscape pages.
/// Plans and review reports are composed into this, then written as DOCX.
public struct OfficialDocument: Sendable {
    public var header: OfficialHeaderText
    /// "KẾ HOẠCH", "BÁO CÁO".
    public var documentWord: String
    public var subject: String
    public var opening: [String]
    public var sections: [OfficialSection]
    public var recipients: [String]
    public var signature: OfficialSignature?
    public var appendices: [OfficialAppendix]

    public init(header: OfficialHeaderText, documentWord: String, subject: String, opening: [String], sections: [OfficialSection],
                recipients: [String], signature: OfficialSignature?, appendices: [OfficialAppendix]) {
        self.header = header
        self.documentWord = documentWord
        self.subject = subject
        self.opening = opening
        self.sections = sections
        self.recipients = recipients
        self.signature = signature
        self.appendices = appendices
    }
}

/// A numbered heading ("I.", "1.", "1.1.", "a)") and what stands under it, before any deeper
/// heading. `depth` 0 is the Roman level.
public struct OfficialSection: Sendable, Equatable {
    public var number: String
    public var heading: String
    public var depth: Int
    public var items: [OfficialItem]

    public init(number: String, heading: String, depth: Int, items: [OfficialItem]) {
        self.number = number
        self.heading = heading
        self.depth = depth
        self.items = items
    }
}

public enum OfficialItem: Sendable, Equatable {
    /// A paragraph of running text.
    case text(String)
    /// A "- " item.
    case dash(String)
    /// A place for the author's own words, in italics, to be written over.
    case placeholder(String)
}

public struct OfficialSignature: Sendable, Equatable {
    /// "T/M BAN THƯỜNG VỤ", "KT. CHÁNH VĂN PHÒNG".
    public var authority: String?
    public var position: String?
    public var name: String?

    public init(authority: String?, position: String?, name: String?) {
        self.authority = authority
        self.position = position
        self.name = name
    }
}

/// "PHỤ LỤC" with its note "(Kèm theo ...)" and a table whose header row repeats on each page.
public struct OfficialAppendix: Sendable {
    public struct Column: Sendable {
        public var header: String
        /// The column's share of the page width, relative to the others.
        public var weight: Int
        public var centered: Bool

        public init(_ header: String, weight: Int, centered: Bool = false) {
            self.header = header
            self.weight = weight
            self.centered = centered
        }
    }

    public var title: String
    public var note: String
    public var columns: [Column]
    /// Each row's cells, each cell its paragraphs.
    public var rows: [[[String]]]

    public init(title: String, note: String, columns: [Column], rows: [[[String]]]) {
        self.title = title
        self.note = note
        self.columns = columns
        self.rows = rows
    }
}
