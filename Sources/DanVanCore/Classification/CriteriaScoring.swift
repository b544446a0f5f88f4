/// The engine: totals of a sheet under a set, the checks on its scores, and its class under the
/// bands and gates. Pure and exact (hundredths), so the same scores give the same band forever.
public enum CriteriaScoring {
    public struct Totals: Hashable, Sendable {
        public let total: Points
        /// The points of every row, leaf or group, by key.
        public let byRow: [String: Points]
    }

    public struct Classification: Hashable, Sendable {
        public let label: String
        /// True when a gate, not the points, decided the label.
        public let gated: Bool
    }

    /// Every row's points and the sheet's total: a row with rows below it adds theirs, bonuses
    /// add and penalties take off, each capped at its maximum; the total is never below 0.
    /// A leaf without a score counts 0.
    public static func totals(_ definition: CriteriaSetDefinition, scores: [String: Points]) -> Totals {
        var byRow: [String: Points] = [:]
        func value(_ row: Criterion) -> Points {
            let raw: Points
            if row.isLeaf {
                raw = scores[row.key] ?? .zero
            } else {
                // Inside a bonus or penalty row every part adds to its size; elsewhere a penalty takes off.
                raw = row.children.reduce(.zero) { sum, child in
                    let points = value(child)
                    return child.kind == .penalty && !row.kind.isAdjustment ? sum - points : sum + points
                }
            }
            let capped = row.kind.isAdjustment ? min(max(raw, .zero), row.maxPoints) : raw
            byRow[row.key] = capped
            return capped
        }
        let sum = definition.groups.reduce(Points.zero) { sum, group in
            let points = value(group)
            return group.kind == .penalty ? sum - points : sum + points
        }
        return Totals(total: max(sum, .zero), byRow: byRow)
    }

    /// Scores that cannot stand: below zero, above the criterion's maximum, a penalty above its
    /// cap, a key the set does not have. `side` names whose scores they are in the message.
    public static func issues(_ definition: CriteriaSetDefinition, scores: [String: Points], field: String = "scores") -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let leaves = Dictionary(definition.leaves.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        for (key, points) in scores.sorted(by: { $0.key < $1.key }) {
            guard let leaf = leaves[key] else {
                issues.append(ValidationIssue(field: field, message: "Tiêu chí \(key) không có trong bộ tiêu chí (hoặc không phải tiêu chí được chấm)."))
                continue
            }
            if points < .zero {
                issues.append(ValidationIssue(field: "\(field).\(key)", message: "Tiêu chí \(leaf.key): điểm không được âm (\(points.short))."))
            } else if points > leaf.maxPoints {
                let message = leaf.kind == .penalty
                    ? "Tiêu chí \(leaf.key) (điểm trừ): trừ \(points.short) điểm, vượt mức trừ tối đa \(leaf.maxPoints.short)."
                    : "Tiêu chí \(leaf.key): \(points.short) điểm, vượt điểm tối đa \(leaf.maxPoints.short)."
                issues.append(ValidationIssue(field: "\(field).\(key)", message: message))
            }
        }
        return issues
    }

    /// The unit-scored criteria still without a score: a sheet cannot be sent with them empty.
    public static func unscored(_ definition: CriteriaSetDefinition, scores: [String: Points], by scorer: CriterionScorer) -> [Criterion] {
        definition.leaves.filter { $0.scorer == scorer && !$0.kind.isAdjustment && scores[$0.key] == nil }
    }

    /// Criteria that require evidence, scored above zero, with no file attached.
    public static func missingEvidence(_ definition: CriteriaSetDefinition, scores: [String: Points], evidence: Set<String>) -> [Criterion] {
        definition.leaves.filter { $0.evidenceRequired && $0.scorer == .unit && (scores[$0.key] ?? .zero) > .zero && !evidence.contains($0.key) }
    }

    /// The label for a total: the close-date gate first, then the bands.
    public static func classify(_ definition: CriteriaSetDefinition, total: Points, submittedInTime: Bool) -> Classification {
        if !submittedInTime, let label = definition.closeGateLabel {
            return Classification(label: label, gated: true)
        }
        return Classification(label: definition.bands.label(for: total) ?? "", gated: false)
    }

    /// Quotas broken by a round's labels: "Xuất sắc: 3 đơn vị, tối đa 2 (20% của 10)".
    public static func quotaIssues(_ definition: CriteriaSetDefinition, labels: [String]) -> [ValidationIssue] {
        let classified = labels.filter { $0 != definition.closeGateLabel }
        var issues: [ValidationIssue] = []
        for gate in definition.gates {
            guard case .quota(let band, let percent) = gate else { continue }
            let folded = VietnameseFolding.fold(band)
            let count = classified.filter { VietnameseFolding.fold($0) == folded }.count
            let limit = ClassificationGate.quotaLimit(percent: percent, of: classified.count)
            if count > limit {
                issues.append(ValidationIssue(field: "quota",
                                              message: "Mức \(band): \(count) đơn vị, vượt giới hạn \(limit) đơn vị (\(percent)% của \(classified.count) đơn vị được xếp loại)."))
            }
        }
        return issues
    }
}
