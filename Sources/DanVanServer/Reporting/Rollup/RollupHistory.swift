import DanVanCore
import Fluent
import SQLKit

/// Across a merger (the 2025 reform), an ended unit hands its history to its successors: a
/// successor's roll-up includes the figures of predecessors outside its own subtree, so
/// its 2024 and 2025 figures can be compared though the units below it changed.
enum RollupHistory {
    struct Handover {
        let predecessorID: Int
        let successorID: Int
        let successorParentID: Int?
    }

    static func handovers(into rootID: Int, on sql: any SQLDatabase) async throws -> [Handover] {
        try await sql.raw("""
            SELECT s.unit_id, s.successor_id, u.parent_id FROM unit_successors s
            JOIN unit_closure c ON c.descendant_id = s.successor_id AND c.ancestor_id = \(bind: rootID)
            JOIN units u ON u.id = s.successor_id
            WHERE NOT EXISTS (SELECT 1 FROM unit_closure inside
                              WHERE inside.ancestor_id = \(bind: rootID) AND inside.descendant_id = s.unit_id)
            ORDER BY s.unit_id, s.successor_id
            """).all().map { row in
            Handover(predecessorID: try row.decode(column: "unit_id", as: Int.self),
                     successorID: try row.decode(column: "successor_id", as: Int.self),
                     successorParentID: try row.decode(column: "parent_id", as: Int?.self))
        }
    }

    /// Adds each predecessor's subtree sums to its successor and the successor's ancestors up
    /// to the root. A predecessor split between several successors goes to the first, so a
    /// common ancestor never counts it twice. A leaf successor has no row; its ancestors do.
    static func add(_ handovers: [Handover], to totals: inout [Int: [RollupTotals]], rootID: Int, parents: [Int: Int?],
                    width: Int, sumsOf: (Int) async throws -> [RollupTotals]?) async throws {
        var seen: Set<Int> = []
        for handover in handovers where seen.insert(handover.predecessorID).inserted {
            guard let sums = try await sumsOf(handover.predecessorID) else { continue }
            var current: Int? = parents.keys.contains(handover.successorID) ? handover.successorID : handover.successorParentID
            while let id = current, parents.keys.contains(id) {
                var row = totals[id] ?? Array(repeating: .zero, count: width)
                for index in 0..<width { row[index] = row[index] + sums[index] }
                totals[id] = row
                current = id == rootID ? nil : (parents[id] ?? nil)
            }
        }
    }
}
