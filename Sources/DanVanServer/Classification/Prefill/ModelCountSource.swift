import DanVanCore
import Fluent
import SQLKit

/// "Dân vận khéo" models of the year: registered (and not returned) or recognised. Full points
/// for at least one; the count is shown.
struct ModelCountSource: PrefillSource {
    let recognised: Bool

    var key: String { recognised ? "models.recognised" : "models.registered" }
    var label: String { recognised ? "Mô hình \"Dân vận khéo\" được công nhận" : "Mô hình \"Dân vận khéo\" đăng ký xây dựng" }

    func measure(_ scope: PrefillScope, on db: any Database) async throws -> [Int: PrefillMeasure] {
        let statuses = ModelStatus.allCases.filter { recognised ? $0.isRecognised : $0.counts }.map(\.rawValue)
        let rows = try await UnitClosure.sqlDatabase(db).raw("""
            SELECT s.unit_id, COUNT(m.id) AS n FROM classification_sheets s
            LEFT JOIN movement_models m ON m.unit_id = s.unit_id AND m.year = \(bind: scope.year) AND m.status IN (\(binds: statuses))
            WHERE s.round_id = \(bind: scope.roundID)
            GROUP BY s.unit_id
            """).all()
        let word = recognised ? "được công nhận" : "đăng ký"
        return try rows.reduce(into: [:]) { result, row in
            let count = try row.decode(column: "n", as: Int.self)
            result[try row.decode(column: "unit_id", as: Int.self)] = PrefillMeasure(numerator: min(count, 1), denominator: 1,
                                                                                    figures: "\(count) mô hình, điển hình \(word) năm \(scope.year)")
        }
    }
}
