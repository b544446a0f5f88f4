import DanVanCore
import Fluent
import Foundation

/// The "Dân vận khéo" year in the demo: last year's campaign run to its end (registrations by
/// the communes of the old district and the cells, accepted, evaluated, recognised, one "tiêu
/// biểu", one not recognised, commendations); this year's campaign with registrations from most
/// communes and cells across the four fields and three kinds, some late, one returned, one
/// replicated, last year's best carried into the successor commune; a few still waiting for
/// the province. Bình Lư's target "100% chi bộ trực thuộc xây dựng được 01 mô hình" is then
/// evaluated from the register, and names the cells still without a model.
enum CurrentYearModels {
    struct Entry {
        let unit: String
        let name: String
        let field: String
        let kind: ModelKind
        let month: Int
        let day: Int
        var person: (String, String)? = nil
    }

    static let fields = [
        ModelField(name: "Kinh tế", subthemes: ["Phát triển sản xuất, giảm nghèo", "Bảo vệ và phát triển rừng"]),
        ModelField(name: "Văn hóa - xã hội", subthemes: ["Bảo tồn văn hóa các dân tộc", "Xóa bỏ tập tục lạc hậu"]),
        ModelField(name: "Quốc phòng - an ninh", subthemes: ["Bảo vệ an ninh, trật tự"]),
        ModelField(name: "Xây dựng hệ thống chính trị"),
    ]

    static let lastYear: [Entry] = [
        Entry(unit: "TD-DU-BINHLU", name: "Vận động Nhân dân hiến đất làm đường nội đồng", field: "Kinh tế", kind: .collectiveModel, month: 3, day: 5),
        Entry(unit: "TD-DU-NATAM", name: "Tổ tự quản bảo vệ rừng đầu nguồn", field: "Kinh tế", kind: .collectiveModel, month: 3, day: 12),
        Entry(unit: "TD-DU-BANBO", name: "Đám cưới văn minh, tiết kiệm", field: "Văn hóa - xã hội", kind: .collectiveExemplar, month: 3, day: 20),
        Entry(unit: "LC-DU-BINHLU-CB-NATAM", name: "Chi bộ gương mẫu vận động con em đến trường", field: "Văn hóa - xã hội", kind: .collectiveModel, month: 2, day: 26),
        Entry(unit: "LC-DU-BANBO-CB-HON", name: "Người uy tín vận động đồng bào giữ gìn an ninh bản", field: "Quốc phòng - an ninh",
              kind: .individualExemplar, month: 3, day: 28, person: ("Lò Văn Páo", "Trưởng bản Hon")),
    ]

    static let thisYear: [Entry] = [
        Entry(unit: "LC-DU-BINHLU", name: "Dân vận khéo trong xây dựng nông thôn mới kiểu mẫu", field: "Kinh tế", kind: .collectiveModel, month: 2, day: 20),
        Entry(unit: "LC-DU-BINHLU", name: "Bí thư chi bộ gần dân, sát dân", field: "Xây dựng hệ thống chính trị", kind: .individualExemplar, month: 3, day: 2,
              person: ("Lù Văn Chinh", "Bí thư Chi bộ bản Bình Lư")),
        Entry(unit: "LC-DU-BINHLU-CB-NATAM", name: "Vận động đồng bào trồng chè theo hướng an toàn", field: "Kinh tế", kind: .collectiveModel, month: 3, day: 10),
        Entry(unit: "LC-DU-BINHLU-CB-BINHLU", name: "Camera an ninh bản", field: "Quốc phòng - an ninh", kind: .collectiveModel, month: 3, day: 18),
        Entry(unit: "LC-DU-BINHLU-CB-PHIENGTONG", name: "Giữ gìn tiếng nói, chữ viết dân tộc Giáy", field: "Văn hóa - xã hội", kind: .collectiveExemplar, month: 4, day: 9),
        Entry(unit: "LC-DU-BANBO", name: "Phụ nữ Bản Bo giúp nhau thoát nghèo", field: "Kinh tế", kind: .collectiveExemplar, month: 2, day: 25),
        Entry(unit: "LC-DU-BANBO-CB-BO", name: "Nhà văn hóa bản sạch, đẹp", field: "Văn hóa - xã hội", kind: .collectiveModel, month: 3, day: 6),
        Entry(unit: "LC-DU-BANBO-CB-NABO", name: "Thanh niên tình nguyện giữ gìn trật tự", field: "Quốc phòng - an ninh", kind: .collectiveModel, month: 3, day: 25),
        Entry(unit: "LC-DU-BANBO-CB-TH", name: "Thầy cô đến từng nhà vận động học sinh", field: "Văn hóa - xã hội", kind: .individualExemplar, month: 3, day: 27,
              person: ("Hoàng Thị Lan", "Giáo viên Trường Tiểu học Bản Bo")),
        Entry(unit: "LC-DU-SONBINH", name: "Sơn Bình chung sức làm đường bê tông", field: "Kinh tế", kind: .collectiveModel, month: 3, day: 15),
        Entry(unit: "LC-DU-SONBINH-CB-HOBE", name: "Họp bản mỗi tháng, dân nói Đảng nghe", field: "Xây dựng hệ thống chính trị", kind: .collectiveModel, month: 4, day: 20),
    ]

    static func load(today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        let year = today.year
        let province = "LC-TU"
        let decider = people.manager(for: province)
        if let launched = CivilDate(year: year - 1, month: 1, day: 20), launched <= today {
            try await launch(year: year - 1, number: "Kế hoạch số 38-KH/BTGDV", on: launched, evaluation: (9, 1, 10, 31), by: decider, db: db)
            var ids: [Int] = []
            for entry in lastYear {
                ids.append(try await register(entry, year: year - 1, people: people, today: today, on: db) ?? 0)
            }
            let decided = ids.filter { $0 > 0 }
            for (index, id) in decided.enumerated() {
                try await decide(id, .init(decision: ModelDecision.accept.rawValue), by: decider, on: db)
                try await decide(id, .init(decision: ModelDecision.evaluate.rawValue, criteriaMet: index == 2 ? [0, 1] : [0, 1, 2, 3, 4],
                                            note: index == 2 ? "Chưa có sản phẩm kiểm chứng được." : "Đạt các tiêu chí."), by: decider, on: db)
                if index == 2 {
                    try await decide(id, .init(decision: ModelDecision.notRecognise.rawValue, note: "Chưa có kết quả cụ thể, đề nghị củng cố."),
                                     by: decider, on: db)
                    continue
                }
                try await decide(id, .init(decision: (index == 0 ? ModelDecision.recogniseExemplary : .recognise).rawValue,
                                            level: "Cấp tỉnh", decisionNumber: "Quyết định số 215-QĐ/TU", decisionDate: "\(year - 1)-10-28",
                                            commendationProposed: index <= 1 ? "Bằng khen của Chủ tịch UBND tỉnh" : "",
                                            commendationGiven: index == 0 ? "Bằng khen của Chủ tịch UBND tỉnh" : ""), by: decider, on: db)
            }
            try await loadThisYear(year: year, today: today, lastYear: decided, people: people, on: db)
        }
    }

    private static func loadThisYear(year: Int, today: CivilDate, lastYear: [Int], people: DemoPeople, on db: any Database) async throws {
        guard let launched = CivilDate(year: year, month: 1, day: 20), launched <= today else { return }
        let decider = people.manager(for: "LC-TU")
        // This year the province evaluates in December, so registrations still come in, late.
        try await launch(year: year, number: "Kế hoạch số 45-KH/BTGDV", on: launched, evaluation: (12, 1, 12, 20), by: decider, db: db)
        var registered: [(Entry, Int)] = []
        for entry in thisYear {
            if let id = try await register(entry, year: year, people: people, today: today, on: db) { registered.append((entry, id)) }
        }
        if let first = lastYear.first, let carried = CivilDate(year: year, month: 2, day: 10), carried <= today {
            _ = try await ModelCopying.carryOver(first, toYear: year, today: carried, by: people.poster(for: "LC-DU-BINHLU"), on: db)
        }
        if lastYear.count > 1, let copied = CivilDate(year: year, month: 3, day: 30), copied <= today {
            _ = try await ModelCopying.replicate(lastYear[1], intoUnit: "LC-DU-SONBINH-CB-SONBINH", year: year, today: copied,
                                                 by: people.poster(for: "LC-DU-SONBINH"), on: db)
        }
        for (index, (entry, id)) in registered.enumerated() {
            if entry.unit == "LC-DU-BANBO-CB-NABO" {
                try await decide(id, .init(decision: ModelDecision.returnToUnit.rawValue,
                                           reason: "Chưa nêu rõ lực lượng chủ trì, phối hợp và sản phẩm kiểm chứng được; đề nghị bổ sung."), by: decider, on: db)
            } else if index < registered.count - 2 {
                try await decide(id, .init(decision: ModelDecision.accept.rawValue), by: decider, on: db)
            }
        }
        try await notes(registered, today: today, people: people, on: db)
    }

    /// Bình Lư's own target about its cells, measured by the register.
    static let communeTarget = "100% các chi bộ trực thuộc xây dựng được 01 mô hình “Dân vận khéo”"

    static func addCommuneTarget(planID: Int, by actor: Actor, on db: any Database) async throws {
        guard let parsed = TargetParser.targets(in: communeTarget, lineNumber: 0).first,
              let version = try await Plan.find(planID, on: db)?.version else { return }
        let targetID = try await PlanItemAddition.perform(planID: planID, task: false, planVersion: version, by: actor, on: db)
        let next = try await Plan.find(planID, on: db)?.version ?? 0
        try await TargetChange.perform(targetID: targetID, .init(text: communeTarget, threshold: Threshold(parsed)), planVersion: next, by: actor, on: db)
        if let target = try await PlanTargetRecord.find(targetID, on: db) {
            target.subject = parsed.subject
            try await target.save(on: db)
        }
        let latest = try await Plan.find(planID, on: db)?.version ?? 0
        try await IndicatorConfirmation.perform(targetID: targetID, kind: .modelPerUnit, name: "Chi bộ trực thuộc có mô hình “Dân vận khéo”",
                                                planVersion: latest, by: actor, on: db)
    }

    private static func launch(year: Int, number: String, on day: CivilDate, evaluation: (Int, Int, Int, Int), by actor: Actor,
                               db: any Database) async throws {
        _ = try await CampaignLaunching.perform(.init(
            unitCode: "LC-TU", year: year, title: "Phong trào thi đua “Dân vận khéo” năm \(year)", document: number, documentDate: day.description,
            fields: ModelField.lines(fields), registrationFrom: "\(year)-02-01", registrationTo: "\(year)-03-31",
            evaluationFrom: String(format: "%04d-%02d-%02d", year, evaluation.0, evaluation.1),
            evaluationTo: String(format: "%04d-%02d-%02d", year, evaluation.2, evaluation.3),
            levels: "Cấp xã\nCấp tỉnh", criteria: CampaignLaunching.defaultCriteria.joined(separator: "\n")), by: actor, on: db)
    }

    private static func register(_ entry: Entry, year: Int, people: DemoPeople, today: CivilDate, on db: any Database) async throws -> Int? {
        guard let day = CivilDate(year: year, month: entry.month, day: entry.day), day <= today else { return nil }
        let theme = fields.first { $0.name == entry.field }?.subthemes.first ?? ""
        let registration = ModelRegistration(
            name: entry.name, field: entry.field, subtheme: theme, kind: entry.kind.rawValue, personName: entry.person?.0 ?? "",
            personPosition: entry.person?.1 ?? "", personUnit: entry.person == nil ? "" : "Bản, khu dân cư nơi cư trú",
            problem: "Một bộ phận Nhân dân còn e ngại, chưa chủ động tham gia; cần cách làm gần dân, dễ làm theo.",
            goals: "Trên 90% hộ trong bản tham gia; có kết quả đo đếm được sau 6 tháng.",
            content: "Cấp ủy họp bàn, phân công đảng viên phụ trách hộ; vận động bằng nêu gương, họp bản, loa truyền thanh.",
            place: "Các bản trên địa bàn; người dân, hộ gia đình.", forces: "Cấp ủy chủ trì; Mặt trận, đoàn thể phối hợp; Nhân dân tham gia.",
            resources: "Nhân dân đóng góp ngày công, hiện vật; ngân sách hỗ trợ một phần.", timing: "Từ tháng \(entry.month) đến tháng 10; sơ kết tháng 6.",
            outputs: "Số hộ tham gia, công trình hoàn thành, biên bản nghiệm thu.", sustainability: "Duy trì qua quy ước bản; nhân rộng ra các bản lân cận.")
        let model = try await ModelRegistering.register(registration, unitCode: entry.unit, year: year, today: day,
                                                        by: people.poster(for: entry.unit), on: db)
        return model.id
    }

    private static func decide(_ id: Int, _ input: ModelDeciding.Input, by actor: Actor, on db: any Database) async throws {
        guard let model = try await MovementModel.find(id, on: db) else { return }
        var input = input
        input.version = model.version
        _ = try await ModelDeciding.decide(id, input, by: actor, on: db)
    }

    private static func notes(_ registered: [(Entry, Int)], today: CivilDate, people: DemoPeople, on db: any Database) async throws {
        guard let (entry, id) = registered.first, let day = CivilDate(year: today.year, month: 6, day: 20), day <= today else { return }
        _ = try await ModelNoting.post(id, text: "Sơ kết 6 tháng: 126 hộ hiến đất, làm được 1,2 km đường nội đồng; trồng 3.000 cây xanh hai bên đường.",
                                       figures: .init(households: "126", roadMetres: "1200", trees: "3000"), files: [], today: day,
                                       store: EvidenceStore(dataDirectory: NSTemporaryDirectory()), by: people.poster(for: entry.unit), on: db)
    }
}
