import Foundation

/// Finds document citations in lines of text and gathers them into documents.
public enum CitationScanner {
    private static let symbol = #"(\d{1,5})\s*(?:[-–]\s*([A-ZĐ][A-ZĐa-zđ]{0,5})\s*/\s*((?:[A-ZĐ][A-ZĐa-zđ0-9]*-)*BCSĐ?\s+UBND\s+(?:tỉnh|huyện|xã|thành phố)|[A-ZĐ][A-ZĐa-zđ0-9]*(?:-[A-ZĐ][A-ZĐa-zđ0-9]*)*)|/\s*(?:(\d{4})\s*/\s*)?([A-ZĐ][A-ZĐa-zđ]{0,5})\s*-\s*([A-ZĐ][A-ZĐa-zđ0-9]*(?:-[A-ZĐ][A-ZĐa-zđ0-9]*)*))"#
    /// The regex starts at the number, which ICU finds quickly; the type name before it is
    /// looked for in plain Swift (a case-insensitive alternation tried at every position was
    /// most of the reader's time).
    private static let mentionPattern = symbol
    private static let lowercasedTypeNames = DocumentType.byName.map { ($0.name.lowercased(), $0.name) }
    private static let typeNamesByLowercased = Dictionary(lowercasedTypeNames, uniquingKeysWith: { first, _ in first })

    /// Every mention on one line, in order. A mention without its own date or issuer that is
    /// joined to the next by "và" shares that one's ("Quyết định số 217-QĐ/TW và Quyết định số
    /// 218-QĐ/TW, ngày 12/12/2013 của Bộ Chính trị").
    public static func mentions(in text: String, line: Int) -> [CitationMention] {
        guard text.containsASCII("/") else { return [] }
        let matches = text.matchesOfPattern(mentionPattern)
        var found: [CitationMention] = []
        for (index, match) in matches.enumerated() {
            guard let symbolRange = Range(match.range, in: text) else { continue }
            let symbolText = String(text[symbolRange])
            guard let number = DocumentNumber.parse(symbolText), !number.number.isEmpty else { continue }
            let nextStart = index + 1 < matches.count ? Range(matches[index + 1].range, in: text)?.lowerBound : nil
            let tail = String(text[symbolRange.upperBound..<(nextStart ?? text.endIndex)])
            let (typeWord, start) = typeName(before: symbolRange.lowerBound, in: text)
            let range = start..<symbolRange.upperBound
            let details = details(after: tail, restOfLine: String(text[range.upperBound...]))
            let typeName = typeWord.map { Self.typeName(for: $0, number: number) } ?? DocumentType.named(number.type)?.name ?? number.type
            found.append(CitationMention(raw: text[range].trimmed(), number: number,
                                         typeName: typeName, issuedOn: details.date, issuer: details.issuer,
                                         subject: details.subject, line: line))
        }
        return shareDates(found, text: text)
    }

    /// Gathers mentions into documents: same number and year of issue; a mention with no date
    /// joins the nearest dated document with that number before it (or after, if none before).
    public static func documents(from mentions: [CitationMention]) -> [CitedDocument] {
        var documents: [CitedDocument] = []
        for mention in mentions where mention.issuedOn != nil {
            let key = mention.number.normalized
            if let index = documents.firstIndex(where: { $0.normalized == key && $0.issuedOn?.year == mention.issuedOn?.year }) {
                documents[index].occurrences.append(mention.line)
                if !documents[index].spellings.contains(mention.number.raw) { documents[index].spellings.append(mention.number.raw) }
            } else {
                documents.append(document(from: mention))
            }
        }
        for mention in mentions where mention.issuedOn == nil {
            let candidates = documents.indices.filter { documents[$0].normalized == mention.number.normalized }
            let before = candidates.last { (documents[$0].occurrences.first ?? 0) <= mention.line }
            if let index = before ?? candidates.first {
                documents[index].occurrences.append(mention.line)
                if !documents[index].spellings.contains(mention.number.raw) { documents[index].spellings.append(mention.number.raw) }
            } else {
                documents.append(document(from: mention))
            }
        }
        for index in documents.indices { documents[index].occurrences = Array(Set(documents[index].occurrences)).sorted() }
        return documents.sorted { ($0.occurrences.first ?? 0, $0.normalized) < ($1.occurrences.first ?? 0, $1.normalized) }
    }

    private static func document(from mention: CitationMention) -> CitedDocument {
        CitedDocument(raw: mention.raw, type: mention.number.type, typeName: mention.typeName, normalized: mention.number.normalized,
                      issuedOn: mention.issuedOn, issuer: mention.issuer, subject: mention.subject,
                      occurrences: [mention.line], spellings: [mention.number.raw])
    }

    /// "Nghị quyết số " or "Nghị quyết " just before the number: the type as written and
    /// where the mention starts. Works on scalars and bytes: this runs for every mention.
    private static func typeName(before index: String.Index, in text: String) -> (String?, String.Index) {
        let scalars = text.unicodeScalars
        var cursor = index
        for _ in 0..<30 where cursor > scalars.startIndex { scalars.formIndex(before: &cursor) }
        let window = scalars[cursor..<index]
        let lowered = String(window).lowercased().unicodeScalars
        guard lowered.count == window.count else { return (nil, index) }
        var head = lowered[...]
        while let last = head.last, last == " " || last == ":" { head.removeLast() }
        if head.hasSuffix("số".unicodeScalars) { head.removeLast(2) }
        while head.last == " " { head.removeLast() }
        guard let (name, _) = lowercasedTypeNames.first(where: { head.hasSuffix($0.0.unicodeScalars) }) else { return (nil, index) }
        let nameLength = name.unicodeScalars.count
        let start = window.index(window.startIndex, offsetBy: head.count - nameLength)
        let end = window.index(start, offsetBy: nameLength)
        return (String(window[start..<end]), start)
    }

    /// "Thông tư" and "Thông tri" share TT; the words written decide.
    private static func typeName(for word: String, number: DocumentNumber) -> String {
        typeNamesByLowercased[word.lowercased()] ?? DocumentType.named(number.type)?.name ?? word
    }

    struct Details {
        var date: CivilDate?
        var issuer: String?
        var subject: String?
    }

    /// Reads ", ngày dd/mm/yyyy của <issuer> về <subject>" after a symbol. Date and issuer are
    /// looked for before the next mention; the subject may run on past it to the clause's end
    /// ("về thực hiện Kết luận số 69-KL/TU, ngày ...").
    static func details(after tail: String, restOfLine: String) -> Details {
        var details = Details()
        var consumed = 0
        let head = String(tail.prefix(80))
        if let found = VietnameseDate.first(in: head), head[..<found.range.lowerBound].count <= 12 {
            details.date = found.date
            consumed = head.distance(from: head.startIndex, to: found.range.upperBound)
        } else if let range = head.rangeOfPattern(#"^\s*,?\s*năm\s+\d{4}"#) {
            consumed = head.distance(from: head.startIndex, to: range.upperBound)
        }
        var rest = Substring(restOfLine.dropFirst(consumed)).drop { $0 == "," || $0 == " " }
        if rest.hasPrefix("của ") {
            rest = rest.dropFirst(4)
            let end = issuerEnd(rest)
            details.issuer = clean(rest[..<end])
            rest = rest[end...]
        }
        for joint in [" về ", " ban hành ", "về "] where rest.hasPrefix(joint) {
            let subject = rest.dropFirst(joint.count)
            details.subject = clean(subject[..<clauseEnd(subject)])
            break
        }
        return details
    }

    private static let issuerStops = [" về ", " ban hành ", " quyết định ", " thông qua ", ";", ",", ". ", " | ", " gắn với ", " trong ", " để "]
    private static let clauseStops = [";", ". ", ", trọng tâm", " gắn với ", " | "]

    /// An issuer ends where its clause does or where its subject begins.
    private static func issuerEnd(_ text: Substring) -> Substring.Index {
        text.rangeOfFirstLiteral(among: issuerStops)?.lowerBound ?? (text.hasSuffix(".") ? text.index(before: text.endIndex) : text.endIndex)
    }

    private static func clauseEnd(_ text: Substring) -> Substring.Index {
        text.rangeOfFirstLiteral(among: clauseStops)?.lowerBound ?? (text.hasSuffix(".") ? text.index(before: text.endIndex) : text.endIndex)
    }

    private static func clean(_ text: Substring) -> String? {
        var value = text.trimmed(",.;:\"'")
        let opens = value.utf8.count { $0 == UInt8(ascii: "(") }, closes = value.utf8.count { $0 == UInt8(ascii: ")") }
        if opens > closes, value.hasPrefix("(") { value.removeFirst() }
        if closes > opens, value.hasSuffix(")") { value.removeLast() }
        value = value.trimmed()
        for ending in [" và", ","] where value.hasSuffix(ending) {
            value = value.dropLast(ending.count).trimmed()
        }
        return value.isEmpty ? nil : value
    }

    private static func shareDates(_ mentions: [CitationMention], text: String) -> [CitationMention] {
        var result = mentions
        for index in result.indices.reversed() where index + 1 < result.count {
            let current = result[index], next = result[index + 1]
            guard current.issuedOn == nil, current.issuer == nil, next.issuedOn != nil,
                  let gap = text.rangeOfLiteral(current.raw).flatMap({ r in text.rangeOfLiteral(next.raw, from: r.upperBound).map { text[r.upperBound..<$0.lowerBound].trimmed() } }),
                  gap == "và" || gap == "," else { continue }
            result[index] = CitationMention(raw: current.raw, number: current.number, typeName: current.typeName, issuedOn: next.issuedOn,
                                            issuer: next.issuer, subject: current.subject, line: current.line)
        }
        return result
    }
}
