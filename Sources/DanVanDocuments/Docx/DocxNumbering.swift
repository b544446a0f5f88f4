import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Word's automatic numbering (numbering.xml): the "1." or "a)" that is not in the text.
/// Counters run per list as paragraphs are read, and reset below a level when it advances.
final class DocxNumbering: NSObject, XMLParserDelegate {
    struct Level {
        var format = "decimal"
        var text = "%1."
        var start = 1
    }

    private var abstractLevels: [String: [Int: Level]] = [:]
    private var numToAbstract: [String: String] = [:]
    private var counters: [String: [Int: Int]] = [:]

    private var currentAbstract: String?
    private var currentLevel: Int?
    private var currentNum: String?

    init(data: Data?) {
        super.init()
        guard let data else { return }
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.parse()
    }

    /// The label for the next paragraph of list `numId` at `level`, e.g. "II." or "1.2.".
    func nextLabel(numId: String, level: Int) -> String? {
        guard let abstract = numToAbstract[numId], let levels = abstractLevels[abstract], let definition = levels[level] else { return nil }
        guard definition.format != "bullet", definition.format != "none" else { return nil }
        var counts = counters[abstract] ?? [:]
        counts[level] = (counts[level] ?? (definition.start - 1)) + 1
        for deeper in counts.keys where deeper > level { counts[deeper] = nil }
        counters[abstract] = counts
        var label = definition.text
        for (index, levelDefinition) in levels.sorted(by: { $0.key < $1.key }) where index <= level {
            let value = counts[index] ?? levelDefinition.start
            label = label.replacingOccurrences(of: "%\(index + 1)", with: Self.format(value, levelDefinition.format))
        }
        return label
    }

    static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "upperRoman": return roman(value)
        case "lowerRoman": return roman(value).lowercased()
        case "upperLetter": return letter(value).uppercased()
        case "lowerLetter": return letter(value)
        default: return String(value)
        }
    }

    private static func roman(_ value: Int) -> String {
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                                      (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = max(1, min(value, 3999))
        var out = ""
        for (amount, symbol) in table {
            while rest >= amount { out += symbol; rest -= amount }
        }
        return out
    }

    private static func letter(_ value: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return String(letters[(max(1, value) - 1) % letters.count])
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        let value = attributes["w:val"]
        switch name {
        case "w:abstractNum": currentAbstract = attributes["w:abstractNumId"]
        case "w:lvl": currentLevel = attributes["w:ilvl"].flatMap(Int.init)
        case "w:num": currentNum = attributes["w:numId"]
        case "w:abstractNumId": if let num = currentNum, let value { numToAbstract[num] = value }
        case "w:numFmt": update { $0.format = value ?? "decimal" }
        case "w:lvlText": update { $0.text = value ?? "" }
        case "w:start": update { $0.start = value.flatMap(Int.init) ?? 1 }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "w:abstractNum": currentAbstract = nil
        case "w:lvl": currentLevel = nil
        case "w:num": currentNum = nil
        default: break
        }
    }

    private func update(_ change: (inout Level) -> Void) {
        guard let abstract = currentAbstract, let level = currentLevel else { return }
        var levels = abstractLevels[abstract] ?? [:]
        var definition = levels[level] ?? Level()
        change(&definition)
        levels[level] = definition
        abstractLevels[abstract] = levels
    }
}
