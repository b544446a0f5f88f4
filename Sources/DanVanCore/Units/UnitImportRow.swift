/// One unit read from an import file, checked on its own, with the line it came from.
public struct UnitImportRow: Equatable, Sendable {
    public let line: Int
    public let unit: ValidUnit
    public let parentCode: String?
    public let reportsToCode: String?
    public let successorCodes: [String]
}
