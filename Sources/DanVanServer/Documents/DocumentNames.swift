import DanVanCore

/// File names for written documents, in the words a clerk would save them under.
enum DocumentNames {
    /// "Kế hoạch 159-KH-HU năm 2023", or "Kế hoạch (dự thảo) năm 2023" before it has a number.
    static func plan(_ plan: Plan) -> String {
        let label = number(plan).map { $0.replacingOccurrences(of: "/", with: "-") } ?? "(dự thảo)"
        return "\(kind(plan)) \(label) năm \(plan.year)"
    }

    /// "Kế hoạch số 159-KH/HU", or "Kế hoạch năm 2023 (dự thảo)", for running text.
    static func planReference(_ plan: Plan) -> String {
        number(plan).map { "\(kind(plan)) số \($0)" } ?? "\(kind(plan)) năm \(plan.year) (dự thảo)"
    }

    private static func kind(_ plan: Plan) -> String {
        DocumentType.planName(plan.documentType)
    }

    private static func number(_ plan: Plan) -> String? {
        plan.numberRaw.flatMap(DocumentNumber.parse).flatMap { $0.number.isEmpty ? nil : $0.normalized }
    }
}

extension DocumentNames {
    /// "Báo cáo sơ kết TD-HU 2023-H1".
    static func review(unitCode: String, period: ReportPeriod) -> String {
        let kind = switch ReviewWording(period: period).kind {
        case .interim: "Báo cáo sơ kết"
        case .final: "Báo cáo tổng kết"
        case .periodic: "Báo cáo kết quả"
        }
        return "\(kind) \(unitCode) \(period.code)"
    }

    static func table(_ kind: TableExports.Kind, unitCode: String, period: ReportPeriod) -> String {
        "\(unitCode) \(period.code) \(kind.label)"
    }
}
