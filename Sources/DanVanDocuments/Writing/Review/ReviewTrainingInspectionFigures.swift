import DanVanCore

/// Training and inspection in a review report's year: courses, attendances and distinct people
/// trained with the share of each target category; inspections held by kind, units inspected,
/// findings by type and requirements fixed on time, late or still open.
public struct ReviewTrainingInspectionFigures: Sendable, Equatable {
    public struct Count: Sendable, Equatable {
        public var label: String
        public var count: Int

        public init(_ label: String, _ count: Int) {
            self.label = label
            self.count = count
        }
    }

    public struct Share: Sendable, Equatable {
        public var label: String
        public var trained: Int
        public var inScope: Int

        public init(label: String, trained: Int, inScope: Int) {
            self.label = label
            self.trained = trained
            self.inScope = inScope
        }
    }

    public struct Training: Sendable, Equatable {
        public var courses: Int
        public var attendances: Int
        public var distinctTrained: Int
        public var categories: [Share]

        public init(courses: Int, attendances: Int, distinctTrained: Int, categories: [Share]) {
            self.courses = courses
            self.attendances = attendances
            self.distinctTrained = distinctTrained
            self.categories = categories
        }
    }

    public struct Inspection: Sendable, Equatable {
        public var held: [Count]
        public var planned: Int
        public var unitsInspected: Int
        /// Short words ("hạn chế"), printed after their counts: "2 ưu điểm, 3 hạn chế".
        public var findings: [Count]
        public var requirements: TimelinessCounts
        public var closedWithReason: Int

        public init(held: [Count], planned: Int, unitsInspected: Int, findings: [Count], requirements: TimelinessCounts, closedWithReason: Int) {
            self.held = held
            self.planned = planned
            self.unitsInspected = unitsInspected
            self.findings = findings
            self.requirements = requirements
            self.closedWithReason = closedWithReason
        }
    }

    public var training: Training?
    public var inspection: Inspection?

    public init(training: Training?, inspection: Inspection?) {
        self.training = training
        self.inspection = inspection
    }

    public var sentences: [String] {
        var lines: [String] = []
        if let training {
            var text = "Tổ chức \(training.courses) lớp tập huấn, bồi dưỡng với \(training.attendances) lượt học viên; "
                + "\(training.distinctTrained) người được tập huấn (mỗi người tính một lần)"
            let shares = training.categories.filter { $0.inScope > 0 }.map { share in
                "\(share.label.firstLetterLowercased) \(share.trained)/\(share.inScope) (\(Self.percent(share.trained, of: share.inScope)))"
            }
            if !shares.isEmpty { text += "; trong đó " + shares.joined(separator: ", ") }
            lines.append(text + ".")
        }
        if let inspection {
            let held = inspection.held.filter { $0.count > 0 }
            if held.isEmpty {
                lines.append("Chưa có cuộc kiểm tra, giám sát nào kết luận trong năm" + (inspection.planned > 0 ? " (\(inspection.planned) cuộc đang tiến hành)." : "."))
            } else {
                let total = held.reduce(0) { $0 + $1.count }
                var text = "Tiến hành \(total) cuộc kiểm tra, giám sát (" + held.map { "\($0.label.firstLetterLowercased) \($0.count)" }.joined(separator: ", ")
                    + ") đối với \(inspection.unitsInspected) đơn vị"
                let findings = inspection.findings.filter { $0.count > 0 }.map { "\($0.count) \($0.label.firstLetterLowercased)" }
                if !findings.isEmpty { text += "; kết luận nêu " + findings.joined(separator: ", ") }
                if inspection.planned > 0 { text += "; \(inspection.planned) cuộc chưa kết luận" }
                lines.append(text + ".")
                let counts = inspection.requirements
                let open = counts.inTime + counts.overdue
                if counts.total + inspection.closedWithReason > 0 {
                    lines.append("Yêu cầu khắc phục sau kiểm tra, giám sát: \(counts.total + inspection.closedWithReason) yêu cầu; đã khắc phục \(counts.finished) "
                        + "(\(counts.onTime) đúng hạn, \(counts.late) trễ hạn), đang khắc phục \(open)" + (counts.overdue > 0 ? " (\(counts.overdue) quá hạn)" : "")
                        + (inspection.closedWithReason > 0 ? ", đóng có lý do \(inspection.closedWithReason)" : "") + ".")
                }
            }
        }
        return lines
    }

    static func percent(_ part: Int, of whole: Int) -> String {
        guard whole > 0 else { return "—" }
        let tenths = Int((Double(part) * 1000 / Double(whole)).rounded())
        return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10),\(tenths % 10)%"
    }
}
