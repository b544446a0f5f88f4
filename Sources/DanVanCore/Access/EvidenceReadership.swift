/// Who may open the evidence files posted on a task: the lead unit's own subtree, the units
/// above the lead unit (who follow it), and the units that coordinate on it; not every unit that
/// can read the plan (a commune does not read what a sibling commune sent up).
public enum EvidenceReadership {
    /// - Parameters:
    ///   - lead: where the task's lead unit stands relative to the reader's unit (nil: no lead yet).
    ///   - coordinates: the reader's unit is one of the task's coordinating units.
    public static func mayRead(_ role: Role, lead: UnitRelation?, coordinates: Bool) -> Bool {
        if role == .admin || coordinates { return true }
        guard let lead else { return false }
        return lead != .unrelated
    }
}
