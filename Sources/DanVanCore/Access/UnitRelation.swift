/// Where a target unit stands relative to the acting user's own unit.
public enum UnitRelation: String, CaseIterable, Sendable {
    case own
    /// Anywhere below the user's unit.
    case descendant
    /// Anywhere above the user's unit.
    case ancestor
    /// Neither above nor below: a sibling, a cousin, or a unit of another tree.
    case unrelated
}
