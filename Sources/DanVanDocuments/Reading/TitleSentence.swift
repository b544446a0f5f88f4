import DanVanCore

/// A sentence that names its own document, as a web page titles a plan it shows:
/// "Kế hoạch số 1600-KH/BDVTW ngày 28/02/2018 của Ban Dân vận Trung ương về Kế hoạch công tác năm 2018".
/// It is the document's number, date, issuer and subject, not a citation of another document.
struct TitleSentence {
    var word: String
    var type: String
    var number: DocumentNumber?
    var issuedOn: CivilDate?
    var issuer: String?
    var subject: String?

    static func parse(_ text: String) -> TitleSentence? {
        guard text.count <= 400, !text.hasSuffix("."), !OfficialNameCasing.isAllCapitals(text) else { return nil }
        guard let title = PlanHeader.titles.first(where: { hasWordPrefix(text, OfficialNameCasing.title($0.word)) }) else { return nil }
        var rest = String(text.dropFirst(title.word.count)).trimmed()
        var sentence = TitleSentence(word: title.word, type: title.type)
        if let groups = rest.captures(#"^(?:số|Số)\s*:?\s*([^\s,;]+)\s*,?\s*(.*)$"#) {
            sentence.number = DocumentNumber.parse(groups[0])
            guard sentence.number != nil else { return nil }
            rest = groups[1]
        }
        if let groups = rest.captures(#"^ngày\s+(.*)$"#), let date = VietnameseDate.first(in: groups[0]),
           groups[0].distance(from: groups[0].startIndex, to: date.range.lowerBound) == 0 {
            sentence.issuedOn = date.date
            rest = String(groups[0][date.range.upperBound...]).trimmed(",; ")
        }
        if let groups = rest.captures(#"^của\s+(.+?)\s+(?:về|V/v)\s+(.+)$"#) {
            sentence.issuer = groups[0]
            sentence.subject = groups[1]
        } else if let groups = rest.captures(#"^của\s+(.+)$"#) {
            sentence.issuer = groups[0]
        } else if let groups = rest.captures(#"^(?:về|V/v)\s+(.+)$"#) {
            sentence.subject = groups[0]
        } else if sentence.number == nil, sentence.issuedOn == nil, !rest.isEmpty {
            sentence.subject = rest
        }
        // Without a number, a date or an issuer, a sentence is a title only when nothing else follows it on its line.
        if sentence.number == nil, sentence.issuedOn == nil, sentence.issuer == nil, rest.count > 250 { return nil }
        sentence.subject = sentence.subject.map { $0.trimmed(" .;").sentenceCased }
        return sentence
    }

    private static func hasWordPrefix(_ text: String, _ word: String) -> Bool {
        guard text.hasPrefix(word) else { return false }
        let after = text.dropFirst(word.count)
        return after.first == " "
    }
}
