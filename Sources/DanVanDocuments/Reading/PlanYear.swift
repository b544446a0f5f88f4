import DanVanCore

/// The year a plan is for, from its title: "năm 2024", "NĂM 2023"; a period ("giai đoạn
/// 2021-2025") names no single year.
enum PlanYear {
    static func fromTitle(_ subject: String?) -> Int? {
        guard let subject else { return nil }
        return subject.captures(#"(?i)năm\s+(\d{4})"#)?.first.flatMap(Int.init)
    }

    /// "giai đoạn 2021-2025", "giai đoạn 2021 – 2025", "2021-2025".
    static func period(_ subject: String?) -> ClosedRange<Int>? {
        guard let subject, let groups = subject.captures(#"(\d{4})\s*[-–]\s*(\d{4})"#),
              let from = Int(groups[0]), let to = Int(groups[1]), from < to, to - from <= 10 else { return nil }
        return from...to
    }
}
