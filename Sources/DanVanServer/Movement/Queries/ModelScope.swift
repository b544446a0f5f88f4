import SQLKit

/// The units whose models count for a unit: its subtree, and the subtrees of ended units
/// whose successor lies in it (so a commune formed in the 2025 reform counts the models its
/// predecessors registered before, and a province's totals span the reform). The successors'
/// arm starts from the few succession rows (CROSS JOIN fixes the order): left to itself, SQLite
/// 3.5x starts from the whole closure table.
enum ModelScope {
    static func cte(root: Int) -> SQLQueryString {
        """
        scope(id) AS (
          SELECT descendant_id FROM unit_closure WHERE ancestor_id = \(bind: root)
          UNION
          SELECT c2.descendant_id FROM unit_successors s CROSS JOIN unit_closure c CROSS JOIN unit_closure c2
          WHERE c.ancestor_id = \(bind: root) AND c.descendant_id = s.successor_id AND c2.ancestor_id = s.unit_id
        )
        """
    }
}
