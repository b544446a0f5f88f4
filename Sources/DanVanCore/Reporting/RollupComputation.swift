/// Sums every indicator up a unit tree without visiting the leaves one by one: the database
/// hands over, for each unit with children, the sums of its direct children's own figures
/// (and how many of them reach each coverage level); this adds the units with children
/// bottom-up, replacing each such child's own figures by its subtree's.
public struct RollupComputation: Sendable {
    /// Indicator kinds and coverage levels, by indicator position.
    public let kinds: [IndicatorKind]
    public let levels: [PerUnitLevel?]
    /// Every unit with children in the subtree, with its parent when that is in the subtree too.
    public var parents: [Int: Int?] = [:]
    /// Per unit with children: the sums of its direct children's own figures.
    public var childSums: [Int: [RollupTotals]] = [:]
    /// Own figures of units with children (reporting 1 where a figure was given).
    public var own: [Int: [RollupTotals]] = [:]

    public init(kinds: [IndicatorKind], levels: [PerUnitLevel?]) {
        precondition(kinds.count == levels.count)
        self.kinds = kinds
        self.levels = levels
    }

    /// Subtree totals for every unit with children.
    public func totals() -> [Int: [RollupTotals]] {
        let width = kinds.count
        let empty = [RollupTotals](repeating: .zero, count: width)
        var adjust: [Int: [RollupTotals]] = [:]
        var result: [Int: [RollupTotals]] = [:]
        for node in nodesDeepestFirst() {
            let mine = own[node] ?? empty
            let below = childSums[node] ?? empty
            let corrections = adjust[node] ?? empty
            var total = empty
            for index in 0..<width {
                var sum = mine[index] + below[index] + corrections[index]
                sum.childrenMeeting = below[index].childrenMeeting + corrections[index].childrenMeeting
                sum.childrenCounted = below[index].childrenCounted + corrections[index].childrenCounted
                total[index] = sum
            }
            result[node] = total
            if let parent = parents[node] ?? nil {
                adjust[parent] = corrected(adjust[parent] ?? empty, replacing: mine, with: total)
            }
        }
        return result
    }

    /// The parent already counted this child's own figures; swap them for its subtree's.
    private func corrected(_ current: [RollupTotals], replacing own: [RollupTotals], with total: [RollupTotals]) -> [RollupTotals] {
        var next = current
        for index in 0..<kinds.count {
            var delta = next[index] + total[index] - own[index]
            delta.childrenCounted = next[index].childrenCounted + (total[index].reporting > 0 ? 1 : 0) - (own[index].reporting > 0 ? 1 : 0)
            delta.childrenMeeting = next[index].childrenMeeting + meets(total[index], index) - meets(own[index], index)
            next[index] = delta
        }
        return next
    }

    private func meets(_ totals: RollupTotals, _ index: Int) -> Int {
        guard kinds[index] == .childCoverage, totals.reporting > 0 else { return 0 }
        return (levels[index] ?? .atLeastOne).contains(totals.numerator) ? 1 : 0
    }

    private func nodesDeepestFirst() -> [Int] {
        var depth: [Int: Int] = [:]
        func depthOf(_ node: Int) -> Int {
            if let known = depth[node] { return known }
            var chain: [Int] = []
            var current: Int? = node
            while let step = current, depth[step] == nil, chain.count <= parents.count {
                chain.append(step)
                current = parents[step] ?? nil
            }
            var level = current.flatMap { depth[$0] } ?? -1
            for step in chain.reversed() {
                level += 1
                depth[step] = level
            }
            return depth[node] ?? 0
        }
        return parents.keys.sorted { (depthOf($0), $0) > (depthOf($1), $1) }
    }
}
