import DanVanCore

/// What a review report (sơ kết, tổng kết) is written from: the roll-up of the unit's subtree
/// for the period, its targets evaluated on it, the tasks due and how they stand, and who has
/// reported. Figures come formatted; missing ones are named, never zeros.
public struct ReviewReportExport: Sendable {
    public struct Target: Sendable, Equatable {
        /// The heading of the plan the target stands under ("Mục tiêu cụ thể"), for grouping by area.
        public var area: String?
        public var text: String
        /// "trên 85%", "từ 01 đến 02".
        public var threshold: String
        public var numerator: Double?
        public var denominator: Double?
        public var evaluation: TargetEvaluation

        public init(area: String?, text: String, threshold: String, numerator: Double?, denominator: Double?, evaluation: TargetEvaluation) {
            self.area = area
            self.text = text
            self.threshold = threshold
            self.numerator = numerator
            self.denominator = denominator
            self.evaluation = evaluation
        }
    }

    public struct Task: Sendable, Equatable {
        public var text: String
        /// The lead unit's name; empty while none is assigned.
        public var lead: String
        public var timing: String
        public var outcome: TaskPeriodOutcome
        /// Due again after the period, so it carries into the next one.
        public var continues: Bool

        /// For a table cell.
        public var leadName: String { lead.isEmpty ? "Chưa giao đơn vị chủ trì" : lead }
        /// For a sentence: "(Ban Dân vận chủ trì)".
        public var leadClause: String { lead.isEmpty ? "chưa giao đơn vị chủ trì" : "\(lead) chủ trì" }

        public init(text: String, lead: String, timing: String, outcome: TaskPeriodOutcome, continues: Bool) {
            self.text = text
            self.lead = lead
            self.timing = timing
            self.outcome = outcome
            self.continues = continues
        }
    }

    public struct Reporting: Sendable, Equatable {
        public struct Line: Sendable, Equatable {
            public var name: String
            public var counts: CompletenessCounts

            public init(name: String, counts: CompletenessCounts) {
                self.name = name
                self.counts = counts
            }
        }

        public var total: CompletenessCounts
        public var children: [Line]
        /// Units that have not sent their report, by name; `missingNotNamed` more are not listed.
        public var missing: [String]
        public var missingNotNamed: Int

        public init(total: CompletenessCounts, children: [Line], missing: [String], missingNotNamed: Int) {
            self.total = total
            self.children = children
            self.missing = missing
            self.missingNotNamed = missingNotNamed
        }
    }

    public var header: OfficialHeaderText
    public var unitName: String
    public var period: ReportPeriod
    /// "Kế hoạch số 159-KH/HU ngày 16/01/2023 của Huyện ủy Tam Đường", when the unit has a plan.
    public var planReference: String?
    /// True when submitted, not yet approved, figures are counted too.
    public var includesSubmitted: Bool
    public var targets: [Target]
    public var tasks: [Task]
    public var reporting: Reporting
    public var recipients: [String]
    public var signature: OfficialSignature?
    /// The year's "Dân vận khéo" register in figures, when the subtree has models or targets about them.
    public var models: ReviewModelFigures?
    /// The year's classification, when the unit held a round or was graded.
    public var classification: ReviewClassificationFigures?
    /// The year's training and inspection, when the subtree held any.
    public var trainingInspection: ReviewTrainingInspectionFigures?

    public init(header: OfficialHeaderText, unitName: String, period: ReportPeriod, planReference: String?, includesSubmitted: Bool,
                targets: [Target], tasks: [Task], reporting: Reporting, recipients: [String], signature: OfficialSignature?) {
        self.header = header
        self.unitName = unitName
        self.period = period
        self.planReference = planReference
        self.includesSubmitted = includesSubmitted
        self.targets = targets
        self.tasks = tasks
        self.reporting = reporting
        self.recipients = recipients
        self.signature = signature
    }
}
