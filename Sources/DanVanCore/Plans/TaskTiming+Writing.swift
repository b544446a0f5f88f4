extension TaskTiming {
    /// The "Thời gian" cell as a plan writes it: what was read, or else "Tháng 3, 9",
    /// "Hàng tháng", "Trước ngày 30/6/2025", "Theo văn bản chỉ đạo".
    public var written: String {
        let trimmed = raw.trimmed()
        if !trimmed.isEmpty { return trimmed }
        if asDirected { return "Theo văn bản chỉ đạo" }
        switch recurrence {
        case .monthly: return "Hàng tháng"
        case .quarterly: return "Hàng quý"
        case nil: break
        }
        if let deadline { return "Trước ngày \(deadline.day)/\(deadline.month)/\(deadline.year)" }
        guard let first = months.first else { return "" }
        if months.count == 1 { return "Tháng " + (first < 10 ? "0\(first)" : String(first)) }
        return "Tháng " + months.map(String.init).joined(separator: ", ")
    }
}
