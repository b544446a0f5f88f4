/// Who may read a plan. A plan is addressed to the issuing unit's subtree (those who implement
/// it) and read by the units above (who follow it); a plan of a standing board, board or office
/// is addressed to its committee's whole subtree; and a unit whose own plan implements a plan
/// may read that plan, whichever tree it is in; so may a unit that leads or coordinates one of its
/// tasks (a state office coordinating a party programme task).
public enum PlanReadership {
    /// - Parameters:
    ///   - planUnit: where the plan's unit stands relative to the reader's unit.
    ///   - committee: for a plan issued by a board or office, where its committee stands; else nil.
    ///   - implementsIt: the reader may read a plan that implements this one.
    /// `addressedByATask`: the reader's unit, or one below it, leads or coordinates one of its tasks.
    public static func mayRead(_ role: Role, planUnit: UnitRelation, committee: UnitRelation?, implementsIt: Bool,
                               addressedByATask: Bool = false) -> Bool {
        if role == .admin || addressedByATask { return true }
        if planUnit != .unrelated { return true }
        if let committee, committee == .own || committee == .ancestor { return true }
        return implementsIt
    }
}
