/// One band of a classification: totals from `minimum` up to but not including `maximum` earn
/// `label` (the top band includes its maximum and anything a bonus carries above it).
public struct GradeBand: Codable, Hashable, Sendable {
    public var label: String
    public var minimum: Points
    public var maximum: Points

    public init(_ label: String, from minimum: Points, below maximum: Points) {
        self.label = label
        self.minimum = minimum
        self.maximum = maximum
    }

    enum CodingKeys: String, CodingKey { case label, minimum = "min", maximum = "max" }
}

/// A band table, best band first once sorted: classifies totals and ranks labels.
public struct GradeBands: Codable, Hashable, Sendable {
    /// Sorted from the lowest band up.
    public let bands: [GradeBand]

    public init(_ bands: [GradeBand]) {
        self.bands = bands.sorted { $0.minimum < $1.minimum }
    }

    public init(from decoder: any Decoder) throws {
        self.init(try [GradeBand](from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try bands.encode(to: encoder)
    }

    /// The label a total earns; below the lowest band, the lowest.
    public func label(for total: Points) -> String? {
        bands.last { $0.minimum <= total }?.label ?? bands.first?.label
    }

    /// 0 for the lowest band; nil for a label the table does not have. Labels compare ignoring
    /// accents and case ("khá" in a target is "Khá" here).
    public func rank(of label: String) -> Int? {
        let folded = VietnameseFolding.fold(label)
        return bands.firstIndex { VietnameseFolding.fold($0.label) == folded }
    }

    /// Whether `label` is `wanted` or better.
    public func reaches(_ label: String, atLeast wanted: String) -> Bool {
        guard let have = rank(of: label), let need = rank(of: wanted) else { return false }
        return have >= need
    }

    /// Gaps and overlaps between bands, and a table that does not run from 0 to the maximum.
    public func issues(maximum: Points) -> [ValidationIssue] {
        guard let first = bands.first, let last = bands.last else {
            return [ValidationIssue(field: "bands", message: "Bảng xếp loại chưa có mức nào.")]
        }
        var issues: [ValidationIssue] = []
        if first.minimum != .zero {
            issues.append(ValidationIssue(field: "bands", message: "Mức thấp nhất (\(first.label)) phải bắt đầu từ 0 điểm, không phải \(first.minimum.short)."))
        }
        for band in bands where band.maximum <= band.minimum {
            issues.append(ValidationIssue(field: "bands", message: "Mức \(band.label): điểm đến (\(band.maximum.short)) phải lớn hơn điểm từ (\(band.minimum.short))."))
        }
        for (lower, upper) in zip(bands, bands.dropFirst()) {
            if lower.maximum < upper.minimum {
                issues.append(ValidationIssue(field: "bands", message: "Hở giữa mức \(lower.label) (dưới \(lower.maximum.short)) và mức \(upper.label) (từ \(upper.minimum.short))."))
            } else if lower.maximum > upper.minimum {
                issues.append(ValidationIssue(field: "bands", message: "Chồng lấn giữa mức \(lower.label) (dưới \(lower.maximum.short)) và mức \(upper.label) (từ \(upper.minimum.short))."))
            }
        }
        if last.maximum != maximum {
            issues.append(ValidationIssue(field: "bands", message: "Mức cao nhất (\(last.label)) phải đến \(maximum.short) điểm (tổng điểm của bộ tiêu chí), không phải \(last.maximum.short)."))
        }
        let labels = bands.map { VietnameseFolding.fold($0.label) }
        if Set(labels).count != labels.count { issues.append(ValidationIssue(field: "bands", message: "Bảng xếp loại có hai mức trùng tên.")) }
        return issues
    }
}
