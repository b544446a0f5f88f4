import DanVanCore
import Fluent
import SQLKit

/// What DanVan measured about one unit for a bound criterion: a share (done over due) and the
/// figures in words, shown beside the pre-filled points.
struct PrefillMeasure: Sendable, Equatable {
    let numerator: Int
    let denominator: Int
    let figures: String
}

/// The round a source measures for: every sheet's unit, the year, the day it is measured on.
struct PrefillScope: Sendable {
    let roundID: Int
    let year: Int
    let asOf: CivilDate
}

/// Something DanVan measures that a criterion can be bound to. Each capability adds its own
/// source to `PrefillSources.all`; nothing else needs to change. A source measures every unit of
/// a round at once (a national round has thousands of sheets).
protocol PrefillSource: Sendable {
    /// The binding written in a criteria set ("reports.on_time").
    var key: String { get }
    /// What it measures, in Vietnamese, for the sheet ("Báo cáo định kỳ gửi đúng hạn").
    var label: String { get }
    func measure(_ scope: PrefillScope, on db: any Database) async throws -> [Int: PrefillMeasure]
}

enum PrefillSources {
    static let all: [any PrefillSource] = [ReportTimelinessSource(), TaskTimelinessSource(), TargetsMetSource(), PlanCoverageSource(),
                                          ModelCountSource(recognised: false), ModelCountSource(recognised: true),
                                          InspectionRemedySource()]

    static func source(_ key: String) -> (any PrefillSource)? {
        all.first { $0.key == key }
    }

    /// The sheets' units of a round, as SQL to join on.
    static func sheetUnits(_ roundID: Int) -> SQLQueryString {
        "SELECT unit_id FROM classification_sheets WHERE round_id = \(bind: roundID)"
    }
}
