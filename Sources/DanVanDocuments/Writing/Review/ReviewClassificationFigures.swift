import DanVanCore

/// The classification of a review report's year: the round the unit held over the units below
/// it (sheets, how far it has gone, the distribution by band against last year, the decision
/// once published) and the unit's own published grade.
public struct ReviewClassificationFigures: Sendable, Equatable {
    public struct Round: Sendable, Equatable {
        public var sheets: Int
        public var sent: Int
        public var published: Bool
        /// "Quyết định số 1520-QĐ/TU ngày 26/12/2025", when published.
        public var decision: String?
        /// Best band first, then the gate's label; zero counts left out when printed.
        public var distribution: [Count]
        public var lastYear: [Count]

        public init(sheets: Int, sent: Int, published: Bool, decision: String?, distribution: [Count], lastYear: [Count]) {
            self.sheets = sheets
            self.sent = sent
            self.published = published
            self.decision = decision
            self.distribution = distribution
            self.lastYear = lastYear
        }
    }

    public struct Count: Sendable, Equatable {
        public var label: String
        public var count: Int

        public init(_ label: String, _ count: Int) {
            self.label = label
            self.count = count
        }
    }

    public var year: Int
    public var round: Round?
    /// "Khá (78,00 điểm), theo Quyết định số … của Tỉnh ủy Lai Châu".
    public var ownGrade: String?

    public init(year: Int, round: Round?, ownGrade: String?) {
        self.year = year
        self.round = round
        self.ownGrade = ownGrade
    }

    public var sentences: [String] {
        var lines: [String] = []
        if let round {
            let counts = round.distribution.filter { $0.count > 0 }.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
            if round.published {
                var text = "Đánh giá, xếp loại công tác dân vận năm \(year) đối với \(round.sheets) đơn vị" + (round.decision.map { " (\($0))" } ?? "")
                    + (counts.isEmpty ? "" : ": \(counts)")
                let last = round.lastYear.filter { $0.count > 0 }.map { "\($0.label) \($0.count)" }.joined(separator: ", ")
                if !last.isEmpty { text += "; năm \(year - 1): \(last)" }
                lines.append(text + ".")
            } else {
                lines.append("Đánh giá, xếp loại công tác dân vận năm \(year): \(round.sent)/\(round.sheets) đơn vị đã gửi phiếu tự chấm; kết quả chưa công bố.")
            }
        }
        if let ownGrade { lines.append("Đơn vị được xếp loại \(ownGrade).") }
        return lines
    }
}
