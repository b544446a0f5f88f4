import DanVanCore
import Fluent
import Foundation

/// Classification in the demo: the province's set for "dân vận chính quyền" and the Front's
/// five-band set; last year's round of the province over its communes published (Bình Lư
/// appraised down from Tốt to Khá with its reasons, Sơn Bình never sent and not classified);
/// this year's round open with a sheet sent and waiting for appraisal, one returned, one still
/// being scored; and Bình Lư's own round over its party cells, where each cell scores itself.
enum CurrentYearClassification {
    static func load(today: CivilDate, people: DemoPeople, evidence store: EvidenceStore, on db: any Database) async throws {
        let province = people.manager(for: "LC-TU")
        let set = try await CriteriaSetSaving.perform(
            .init(unitCode: "LC-TU", title: CriteriaSetSamples.governmentWork.title, decision: "Quyết định số 245-QĐ/TU ngày 15/10/2024",
                  validFrom: "15/10/2024", unitKinds: [UnitKind.partyCommittee, .partyCell, .peoplesCommittee].map(\.rawValue),
                  tables: tables(CriteriaSetSamples.governmentWork)), by: province, on: db)
        _ = try await CriteriaSetSaving.perform(
            .init(unitCode: "LC-MTTQ", title: CriteriaSetSamples.frontCommittees.title, decision: "Hướng dẫn số 18/HD-MTTQ-BTT ngày 20/9/2024",
                  validFrom: "20/09/2024", unitKinds: [UnitKind.fatherlandFront.rawValue], tables: tables(CriteriaSetSamples.frontCommittees)),
            by: DemoLoader.actor, on: db)
        try await lastYear(set, year: today.year - 1, people: people, store: store, on: db)
        try await thisYear(set, today: today, people: people, store: store, on: db)
    }

    private static func tables(_ sample: CriteriaSetSamples.Sample) -> CriteriaSetFile.Tables {
        .init(criteria: sample.criteria, bands: sample.bands, gates: sample.gates)
    }

    private static func lastYear(_ set: CriteriaSet, year: Int, people: DemoPeople, store: EvidenceStore, on db: any Database) async throws {
        guard let opens = CivilDate(year: year, month: 11, day: 15), let sent = CivilDate(year: year, month: 12, day: 5),
              let appraised = CivilDate(year: year, month: 12, day: 18) else { return }
        let province = people.manager(for: "LC-TU")
        let round = try await RoundOpening.perform(.init(unitCode: "LC-TU", year: year, setID: set.requireID, opensOn: "15/11/\(year)", closesOn: "10/12/\(year)"),
                                                   today: opens, by: province, on: db)
        let sheets = try await sheetIDs(round, on: db)
        if let binhLu = sheets["LC-DU-BINHLU"] {
            let override = SheetScoring.Entry(points: "5", note: "Kế hoạch số 08-KH/ĐU ngày 15/7/\(year) của Đảng ủy xã mới.",
                                              overrideReason: "Xã mới thành lập từ 01/7/\(year); kế hoạch năm ban hành bằng văn bản giấy, chưa nhập DanVan.")
            try await score(binhLu, reaching: Points(80), overrides: ["I.1": override], by: people.poster(for: "LC-DU-BINHLU"), store: store, today: sent, on: db)
            try await appraise(binhLu, lowering: [("II.1", "5", "Chưa công khai đủ các nội dung phải công khai theo Điều 11 Luật Thực hiện dân chủ ở cơ sở"),
                                                 ("III.1", "4", "Chủ tịch UBND xã tiếp công dân 9/12 tháng, chưa đủ định kỳ"),
                                                 ("IV.2", "3", "Có 02 phản ánh của Nhân dân về thái độ công chức bộ phận một cửa")],
                           above: "7", by: province, today: appraised, on: db)
        }
        if let banBo = sheets["LC-DU-BANBO"] {
            try await score(banBo, reaching: Points(76), by: people.poster(for: "LC-DU-BANBO"), store: store, today: sent, on: db)
            try await appraise(banBo, lowering: [], above: "8", by: province, today: appraised, on: db)
        }
        if let sonBinh = sheets["LC-DU-SONBINH"] {
            try await decide(sonBinh, .init(action: SheetAction.exclude.rawValue), by: province, today: appraised, on: db)
        }
        _ = try await RoundPublishing.perform(round.requireID, .init(decision: "Quyết định số 1520-QĐ/TU ngày 26/12/\(year)", decisionDate: ""),
                                              by: province, on: db)
    }

    private static func thisYear(_ set: CriteriaSet, today: CivilDate, people: DemoPeople, store: EvidenceStore, on db: any Database) async throws {
        guard let opens = CivilDate(year: today.year, month: 11, day: 16), opens <= today else { return }
        let province = people.manager(for: "LC-TU")
        let round = try await RoundOpening.perform(.init(unitCode: "LC-TU", year: today.year, setID: set.requireID,
                                                         opensOn: "16/11/\(today.year)", closesOn: "10/12/\(today.year)"),
                                                   today: opens, by: province, on: db)
        let sheets = try await sheetIDs(round, on: db)
        let day = min(today, opens.adding(days: 8))
        if let binhLu = sheets["LC-DU-BINHLU"] {
            try await score(binhLu, reaching: Points(84), by: people.poster(for: "LC-DU-BINHLU"), store: store, today: day, on: db)
        }
        if let banBo = sheets["LC-DU-BANBO"] {
            try await score(banBo, reaching: Points(82), by: people.poster(for: "LC-DU-BANBO"), store: store, today: day, on: db)
            try await decide(banBo, .init(action: SheetAction.return.rawValue,
                                          reason: "Tiêu chí II.1 thiếu biên bản niêm yết công khai; đề nghị bổ sung minh chứng và chấm lại."),
                             by: province, today: day, on: db)
        }
        let commune = try await RoundOpening.perform(.init(unitCode: "LC-DU-BINHLU", year: today.year, setID: set.requireID,
                                                           title: "Đánh giá, xếp loại công tác dân vận các chi bộ năm \(today.year)",
                                                           opensOn: "20/11/\(today.year)", closesOn: "05/12/\(today.year)"),
                                                     today: min(today, opens.adding(days: 4)), by: people.manager(for: "LC-DU-BINHLU"), on: db)
        let cells = try await sheetIDs(commune, on: db)
        if let school = cells["LC-DU-BINHLU-CB-TH"] {
            try await score(school, reaching: Points(81), by: people.poster(for: "LC-DU-BINHLU-CB-TH"), store: store, today: day, on: db)
        }
    }

    private static func sheetIDs(_ round: ClassificationRound, on db: any Database) async throws -> [String: Int] {
        let sheets = try await ClassificationSheet.query(on: db).filter(\.$roundID == round.requireID).all()
        let units = try await OrgUnit.query(on: db).filter(\.$id ~~ sheets.map(\.unitID)).all()
        let codes = Dictionary(uniqueKeysWithValues: units.map { ($0.requireID, $0.code) })
        return Dictionary(sheets.compactMap { sheet in codes[sheet.unitID].map { ($0, sheet.requireID) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The unit's own scores reaching about `total`: pre-filled criteria kept as measured, the
    /// others filled from the top, evidence attached where the set asks for it, then sent.
    private static func score(_ sheetID: Int, reaching total: Points, overrides: [String: SheetScoring.Entry] = [:], by actor: Actor, store: EvidenceStore, today: CivilDate,
                              on db: any Database) async throws {
        var context = try await SheetContext.load(sheetID, on: db)
        var entries = overrides
        var left = total - context.definition.leaves.filter { overrides[$0.key] == nil }.compactMap { context.scores[$0.key]?.prefillPoints }
            .reduce(.zero) { $0 + Points(hundredths: $1) } - overrides.values.compactMap { Points(parsing: $0.points) }.reduce(.zero, +)
        for leaf in context.definition.leaves where leaf.scorer == .unit && !leaf.kind.isAdjustment && context.scores[leaf.key]?.prefillPoints == nil
            && overrides[leaf.key] == nil {
            let points = max(.zero, min(leaf.maxPoints, left))
            left = left - points
            entries[leaf.key] = .init(points: points.short, note: "Đã thực hiện theo kế hoạch; có báo cáo kết quả kèm theo.")
        }
        context = try await SheetScoring.save(sheetID, entries: entries, version: context.sheet.version, by: actor, on: db)
        for leaf in context.definition.leaves where leaf.evidenceRequired && (context.selfScores[leaf.key] ?? .zero) > .zero {
            context = try await SheetEvidence.attach(sheetID, criterion: leaf.key, files: [.init(name: "minh-chung-\(leaf.key).pdf", data: samplePDF)],
                                                     store: store, by: actor, on: db)
        }
        try await decide(sheetID, .init(action: SheetAction.submit.rawValue), by: actor, today: today, on: db)
    }

    private static func appraise(_ sheetID: Int, lowering: [(String, String, String)], above: String, by actor: Actor, today: CivilDate,
                                 on db: any Database) async throws {
        var scores: [String: SheetScoring.Entry] = ["IX.1": .init(points: above)]
        for (key, points, reason) in lowering { scores[key] = .init(points: points, overrideReason: reason) }
        try await decide(sheetID, .init(action: SheetAction.appraise.rawValue, scores: scores), by: actor, today: today, on: db)
    }

    private static func decide(_ sheetID: Int, _ input: SheetDeciding.Input, by actor: Actor, today: CivilDate, on db: any Database) async throws {
        var input = input
        input.version = try await ClassificationSheet.find(sheetID, on: db)?.version
        _ = try await SheetDeciding.decide(sheetID, input, today: today, by: actor, on: db)
    }

    /// A one-page PDF standing for a scanned record.
    static let samplePDF = Data("""
        %PDF-1.4
        1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
        2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
        3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
        trailer << /Root 1 0 R >>
        %%EOF
        """.utf8)
}
