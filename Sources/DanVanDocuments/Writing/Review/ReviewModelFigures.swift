import DanVanCore

/// The "Dân vận khéo" figures of a review report, counted from the register: registered (and
/// the change on last year), collective and individual, by field, recognised and "tiêu biểu",
/// commendation proposed and given by level, the most replicated models, and the units that
/// must register and have none.
public struct ReviewModelFigures: Sendable, Equatable {
    public struct Replicated: Sendable, Equatable {
        public var name: String
        public var unitName: String
        public var copies: Int

        public init(name: String, unitName: String, copies: Int) {
            self.name = name
            self.unitName = unitName
            self.copies = copies
        }
    }

    public var year: Int
    public var registered: Int
    public var lastYear: Int
    public var late: Int
    public var collective: Int
    public var individual: Int
    public var byField: [(String, Int)]
    public var recognised: Int
    public var exemplary: Int
    public var proposedByLevel: [(String, Int)]
    public var givenByLevel: [(String, Int)]
    public var mostReplicated: [Replicated]
    public var unitsExpected: Int
    public var unitsWithModel: Int
    public var missing: [String]
    /// Output figures of the year's progress notes, with their units: ("m đường", 1200).
    public var outputs: [(String, Int)]

    public init(year: Int, registered: Int, lastYear: Int, late: Int, collective: Int, individual: Int, byField: [(String, Int)],
                recognised: Int, exemplary: Int, proposedByLevel: [(String, Int)], givenByLevel: [(String, Int)],
                mostReplicated: [Replicated], unitsExpected: Int, unitsWithModel: Int, missing: [String], outputs: [(String, Int)] = []) {
        self.year = year
        self.registered = registered
        self.lastYear = lastYear
        self.late = late
        self.collective = collective
        self.individual = individual
        self.byField = byField
        self.recognised = recognised
        self.exemplary = exemplary
        self.proposedByLevel = proposedByLevel
        self.givenByLevel = givenByLevel
        self.mostReplicated = mostReplicated
        self.unitsExpected = unitsExpected
        self.unitsWithModel = unitsWithModel
        self.missing = missing
        self.outputs = outputs
    }

    public static func == (lhs: ReviewModelFigures, rhs: ReviewModelFigures) -> Bool {
        lhs.year == rhs.year && lhs.registered == rhs.registered && lhs.recognised == rhs.recognised && lhs.missing == rhs.missing
            && lhs.byField.map(\.0) == rhs.byField.map(\.0) && lhs.byField.map(\.1) == rhs.byField.map(\.1)
    }

    /// The paragraphs the review report writes, in the order such reports give them.
    public var sentences: [String] {
        var lines: [String] = []
        let change = registered - lastYear
        let trend = lastYear == 0 ? "" : change == 0 ? ", bằng năm \(year - 1)" : change > 0 ? ", tăng \(change) so với năm \(year - 1)"
            : ", giảm \(-change) so với năm \(year - 1)"
        lines.append("Năm \(year) có \(registered) mô hình, điển hình “Dân vận khéo” được đăng ký\(trend) (\(collective) tập thể, \(individual) cá nhân"
            + (late > 0 ? "; \(late) đăng ký muộn" : "") + ").")
        if !byField.isEmpty {
            lines.append("Theo lĩnh vực: " + byField.map { "\($0.0) \($0.1)" }.joined(separator: "; ") + ".")
        }
        if unitsExpected > 0 {
            var text = "\(unitsWithModel)/\(unitsExpected) đơn vị thuộc diện đăng ký đã có mô hình"
            if !missing.isEmpty {
                let shown = missing.prefix(10).joined(separator: ", ")
                text += "; chưa có: " + shown + (missing.count > 10 ? " và \(missing.count - 10) đơn vị khác" : "")
            }
            lines.append(text + ".")
        }
        lines.append("Được công nhận: \(recognised) mô hình, điển hình, trong đó \(exemplary) tiêu biểu.")
        if !proposedByLevel.isEmpty || !givenByLevel.isEmpty {
            let proposed = proposedByLevel.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            let given = givenByLevel.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
            lines.append("Đề nghị khen thưởng: \(proposed.isEmpty ? "chưa có" : proposed); đã được khen thưởng: \(given.isEmpty ? "chưa có" : given).")
        }
        if !outputs.isEmpty {
            lines.append("Kết quả từ các mô hình: " + outputs.map { "\($0.1) \($0.0)" }.joined(separator: ", ") + ".")
        }
        if !mostReplicated.isEmpty {
            lines.append("Mô hình được nhân rộng nhiều nhất: " + mostReplicated.map { "“\($0.name)” của \($0.unitName) (\($0.copies) nơi)" }
                .joined(separator: "; ") + ".")
        }
        return lines
    }
}
