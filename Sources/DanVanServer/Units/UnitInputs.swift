import DanVanCore
import Vapor

/// A unit's fields as a form or the API sends them.
struct UnitInput: Content {
    var code: String?
    var name: String?
    var shortName: String?
    var kind: String?
    var level: String?
    var parentCode: String?
    var reportsToCode: String?
    var validFrom: String?
    var validTo: String?
    var version: Int?

    var draft: UnitDraft {
        UnitDraft(code: code ?? "", name: name ?? "", shortName: shortName ?? "", kind: kind ?? "", level: level ?? "",
                  validFrom: validFrom ?? "", validTo: validTo ?? "")
    }

    var trimmedParentCode: String? { Self.nonEmpty(parentCode) }
    var trimmedReportsToCode: String? { Self.nonEmpty(reportsToCode) }

    static func nonEmpty(_ text: String?) -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        return text
    }

    init(from unit: UnitDTO) {
        code = unit.code
        name = unit.name
        shortName = unit.shortName
        kind = unit.kind
        level = unit.level
        parentCode = unit.parentCode
        reportsToCode = unit.reportsToCode
        validFrom = unit.validFrom
        validTo = unit.validTo
        version = unit.version
    }

    init() {}
}

/// Moving a unit under another parent (none: it becomes a root).
struct UnitMoveInput: Content {
    var parentCode: String?
    var version: Int?
}

/// Ending a unit on a date, naming who takes over. Successors come as a JSON list or as
/// one form field separated by commas or semicolons.
struct UnitEndInput: Content {
    var validTo: String?
    var successorCodes: [String]
    var version: Int?

    enum CodingKeys: String, CodingKey { case validTo, successorCodes, version }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        validTo = try container.decodeIfPresent(String.self, forKey: .validTo)
        version = try container.decodeIfPresent(Int.self, forKey: .version)
        if let list = try? container.decodeIfPresent([String].self, forKey: .successorCodes) {
            successorCodes = list
        } else {
            let text = (try? container.decodeIfPresent(String.self, forKey: .successorCodes)) ?? ""
            successorCodes = text.split(whereSeparator: { ",; ".contains($0) }).map(String.init)
        }
    }
}

extension Optional where Wrapped == Int {
    /// The version a form or request says it read; missing means it read nothing valid.
    var readVersion: Int { self ?? -1 }
}
