/// What a user enters to create or change a unit, before it is checked.
public struct UnitDraft: Equatable, Sendable, Codable {
    public var code: String
    public var name: String
    public var shortName: String
    public var kind: String
    public var level: String
    public var validFrom: String
    public var validTo: String

    public init(code: String, name: String, shortName: String = "", kind: String, level: String,
                validFrom: String = "", validTo: String = "") {
        self.code = code
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.level = level
        self.validFrom = validFrom
        self.validTo = validTo
    }
}

/// A unit's fields once every rule has passed.
public struct ValidUnit: Equatable, Sendable {
    public let code: String
    public let name: String
    public let shortName: String?
    public let kind: UnitKind
    public let level: UnitLevel
    public let validFrom: CivilDate?
    public let validTo: CivilDate?
}
