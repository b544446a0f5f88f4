import Fluent

/// A unit that took over the work of an ended one (after a merger or a split).
final class UnitSuccessor: Model, @unchecked Sendable {
    static let schema = "unit_successors"

    @ID(custom: .id, generatedBy: .database) var id: Int?
    @Field(key: "unit_id") var unitID: Int
    @Field(key: "successor_id") var successorID: Int

    init() {}

    init(unitID: Int, successorID: Int) {
        self.unitID = unitID
        self.successorID = successorID
    }
}
