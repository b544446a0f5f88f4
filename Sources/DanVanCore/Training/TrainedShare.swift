/// "Trên 85% cán bộ … được tập huấn" is a ratio of people: the distinct people in the target's
/// categories who attended at least one course of the year, over the people of those categories
/// active on the counting date. A person at two courses counts once; sums roll up, never averages.
public struct TrainedShare: Equatable, Sendable {
    public var trained: Int
    public var inScope: Int

    public init(trained: Int, inScope: Int) {
        self.trained = trained
        self.inScope = inScope
    }

    /// From the people in scope and the people who attended (each as often as they attended).
    public static func count(inScope: some Sequence<Int>, attended: some Sequence<Int>) -> TrainedShare {
        let scope = Set(inScope)
        return TrainedShare(trained: scope.intersection(attended).count, inScope: scope.count)
    }

    public static func + (lhs: TrainedShare, rhs: TrainedShare) -> TrainedShare {
        TrainedShare(trained: lhs.trained + rhs.trained, inScope: lhs.inScope + rhs.inScope)
    }

    public var value: IndicatorValue { .ratio(numerator: Double(trained), denominator: Double(inScope)) }

    public func evaluate(_ threshold: Threshold) -> TargetEvaluation {
        let base = TargetEvaluation.evaluate(threshold, value)
        guard inScope > 0 else {
            return TargetEvaluation(status: .noData, figure: nil, explanation: "Chưa có người thuộc diện tập huấn trong danh sách cán bộ.")
        }
        return TargetEvaluation(status: base.status, figure: base.figure,
                                explanation: "\(trained)/\(inScope) người thuộc diện đã được tập huấn (mỗi người tính một lần). " + base.explanation)
    }
}

/// The checks of one roster against its course: each fault named with the line it is on.
public enum RosterCheck {
    public struct Line: Equatable, Sendable {
        public let line: Int
        public let personID: Int?
        public let personLabel: String
        public let days: Double
        public let inScope: Bool

        public init(line: Int, personID: Int?, personLabel: String, days: Double, inScope: Bool) {
            self.line = line
            self.personID = personID
            self.personLabel = personLabel
            self.days = days
            self.inScope = inScope
        }
    }

    /// `courseDays`: the course's length in days, first and last day included.
    public static func problems(_ lines: [Line], courseDays: Int) -> [(line: Int, message: String)] {
        var problems: [(line: Int, message: String)] = []
        var seen: [Int: Int] = [:]
        for line in lines {
            guard let id = line.personID else {
                problems.append((line.line, "Dòng \(line.line): không tìm thấy \"\(line.personLabel)\" trong danh sách cán bộ."))
                continue
            }
            if let first = seen[id] {
                problems.append((line.line, "Dòng \(line.line): \(line.personLabel) đã có ở dòng \(first); mỗi người một dòng."))
            } else {
                seen[id] = line.line
            }
            if !line.inScope {
                problems.append((line.line, "Dòng \(line.line): \(line.personLabel) thuộc đơn vị ngoài phạm vi của đơn vị tổ chức lớp."))
            }
            if line.days <= 0 {
                problems.append((line.line, "Dòng \(line.line): số ngày tham gia của \(line.personLabel) phải lớn hơn 0."))
            } else if line.days > Double(courseDays) {
                problems.append((line.line, "Dòng \(line.line): \(line.personLabel) tham gia \(Threshold.format(line.days)) ngày, quá \(courseDays) ngày của lớp."))
            }
        }
        return problems
    }
}
