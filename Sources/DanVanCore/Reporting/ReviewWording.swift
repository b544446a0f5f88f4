/// How a review report names itself and what comes after it: the 6-month "sơ kết" in June,
/// the year-end "tổng kết" in December, a plain "báo cáo kết quả" for other periods.
public struct ReviewWording: Equatable, Sendable {
    public enum Kind: String, Sendable { case interim, final, periodic }

    public let kind: Kind
    /// "Sơ kết công tác dân vận 6 tháng đầu năm 2025, phương hướng, nhiệm vụ 6 tháng cuối năm 2025".
    public let subject: String
    /// "6 tháng cuối năm 2025", "năm 2026".
    public let nextPeriod: String
    /// "sơ kết 6 tháng đầu năm 2025", for running text.
    public let what: String

    public init(period: ReportPeriod, work: String = "công tác dân vận") {
        let next = period.next
        switch (period.frequency, period.index) {
        case (.half, 1):
            kind = .interim
            nextPeriod = "6 tháng cuối năm \(period.year)"
            what = "sơ kết \(work) 6 tháng đầu năm \(period.year)"
        case (.year, _):
            kind = .final
            nextPeriod = "năm \(period.year + 1)"
            what = "tổng kết \(work) năm \(period.year)"
        default:
            kind = .periodic
            nextPeriod = next.label.firstLetterLowercased
            what = "kết quả \(work) \(period.label.firstLetterLowercased)"
        }
        subject = what.sentenceCased + ", phương hướng, nhiệm vụ " + nextPeriod
    }
}
