import DanVanCore

/// Splits a cell or clause naming units into the units: at commas before a new name (a
/// capital, or "các ..." starting a new group), never inside "các cơ quan, đơn vị liên quan".
enum UnitNameList {
    static func split(_ items: [String]) -> [String] {
        items.flatMap(split).filter { !$0.isEmpty }
    }

    static func split(_ text: String) -> [String] {
        let cleaned = text.trimmed("-–+•.;")
        var names: [String] = []
        for fragment in cleaned.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == ";" }) {
            let part = fragment.trimmed()
            guard !part.isEmpty else { continue }
            let startsName = part.first?.isUppercase == true || part.hasPrefix("các ")
            if startsName || names.isEmpty {
                names.append(part)
            } else {
                names[names.count - 1] += ", " + part
            }
        }
        return names
    }
}
