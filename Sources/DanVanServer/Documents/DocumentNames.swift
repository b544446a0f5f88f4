import DanVanCore

/// File names for written documents, in the words a clerk would save them under.
enum DocumentNames {
    /// "Kế hoạch 159-KH-HU năm 2023", or "Kế hoạch (dự thảo) năm 2023" before it has a number.
    static func plan(_ plan: Plan) -> String {
        let kind = plan.documentType == "CTr" ? "Chương trình" : "Kế hoạch"
        let number = plan.numberRaw.flatMap(DocumentNumber.parse).flatMap { $0.number.isEmpty ? nil : $0.normalized }
        let label = number.map { $0.replacingOccurrences(of: "/", with: "-") } ?? "(dự thảo)"
        return "\(kind) \(label) năm \(plan.year)"
    }
}
