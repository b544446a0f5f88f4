import SQLKit

/// The units whose models count for a unit: its subtree, and the subtrees of ended units
/// whose successor lies in it (so a commune formed in the 2025 reform counts the models its
/// predecessors registered before, and a province's totals span the reform).
enum ModelScope {
    static func cte(root: Int) -> SQLQueryString {
        """
        scope(id) AS (
          SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: root)
          UNION
          SELECT c2.descendant_id FROM unit_successors s
            JOIN unit_closure c ON c.ancestor_id = \(bind: root) AND c.descendant_id = s.successor_id
            JOIN unit_closure c2 ON c2.ancestor_id = s.unit_id
        )
        """
    }
}
