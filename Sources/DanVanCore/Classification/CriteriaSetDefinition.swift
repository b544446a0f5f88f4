/// What a criteria set says, apart from who issued it and when it applies: the tree of
/// criteria, the stated maximum, the band table and the gates. Stored as JSON with the set.
public struct CriteriaSetDefinition: Codable, Hashable, Sendable {
    public var maxPoints: Points
    public var groups: [Criterion]
    public var bands: GradeBands
    public var gates: [ClassificationGate]

    public init(maxPoints: Points, groups: [Criterion], bands: GradeBands, gates: [ClassificationGate] = []) {
        self.maxPoints = maxPoints
        self.groups = groups
        self.bands = bands
        self.gates = gates
    }

    public var rows: [Criterion] { groups.flatMap(\.flattened) }
    public var leaves: [Criterion] { groups.flatMap(\.leaves) }

    public func criterion(_ key: String) -> Criterion? { rows.first { $0.key == key } }

    /// The points that count towards the maximum: every group that is not a bonus or penalty.
    public var statedSum: Points { groups.filter { !$0.kind.isAdjustment }.reduce(.zero) { $0 + $1.maxPoints } }

    /// Everything that makes the set unusable: points that do not add up (the set's and each
    /// row's), bands with gaps or overlaps, a quota on a band the table does not have.
    public func issues() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        if groups.isEmpty { issues.append(ValidationIssue(field: "criteria", message: "Bộ tiêu chí chưa có tiêu chí nào.")) }
        if maxPoints <= .zero { issues.append(ValidationIssue(field: "maxPoints", message: "Tổng điểm tối đa phải lớn hơn 0.")) }
        if !groups.isEmpty, statedSum != maxPoints {
            issues.append(ValidationIssue(field: "maxPoints",
                                          message: "Điểm các nhóm tiêu chí cộng lại được \(statedSum.short), không bằng tổng điểm tối đa đã ghi (\(maxPoints.short))."))
        }
        for row in rows {
            if row.maxPoints <= .zero {
                issues.append(ValidationIssue(field: "criteria", message: "Tiêu chí \(row.key): điểm tối đa phải lớn hơn 0."))
            }
            if !row.isLeaf, !row.kind.isAdjustment, row.childrenMaximum != row.maxPoints {
                issues.append(ValidationIssue(field: "criteria",
                                              message: "Tiêu chí \(row.key): các tiêu chí con cộng lại được \(row.childrenMaximum.short) điểm, không bằng \(row.maxPoints.short)."))
            }
        }
        let keys = rows.map(\.key)
        for key in Set(keys) where keys.filter({ $0 == key }).count > 1 {
            issues.append(ValidationIssue(field: "criteria", message: "Số thứ tự \(key) bị trùng."))
        }
        issues += bands.issues(maximum: maxPoints)
        for gate in gates {
            if case .quota(let band, _) = gate, bands.rank(of: band) == nil {
                issues.append(ValidationIssue(field: "gates", message: "Giới hạn tỷ lệ nêu mức \"\(band)\" không có trong bảng xếp loại."))
            }
        }
        return issues
    }

    public var closeGateLabel: String? {
        for gate in gates { if case .submitByClose(let label) = gate { return label } }
        return nil
    }
}
