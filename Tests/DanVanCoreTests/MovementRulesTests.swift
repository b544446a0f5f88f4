import DanVanCore
import Testing

@Suite("\"Dân vận khéo\" rules")
struct MovementRulesTests {
    @Test("decisions follow the year: return or accept a registration, evaluate an accepted one, recognise only an evaluated one")
    func decisions() throws {
        #expect(try ModelDecision.accept.next(from: .registered).get() == .accepted)
        #expect(try ModelDecision.returnToUnit.next(from: .accepted).get() == .returned)
        #expect(try ModelDecision.evaluate.next(from: .accepted).get() == .evaluated)
        #expect(try ModelDecision.recogniseExemplary.next(from: .evaluated).get() == .exemplary)
        guard case .failure(let issue) = ModelDecision.recognise.next(from: .accepted) else { Issue.record("recognised without evaluation"); return }
        #expect(issue.field == "decision" && issue.message.contains("đã được đánh giá"))
        #expect((try? ModelDecision.accept.next(from: .recognised).get()) == nil)
        #expect((try? ModelDecision.returnToUnit.next(from: .evaluated).get()) == nil)
        #expect(!ModelStatus.returned.counts && ModelStatus.accepted.counts && ModelStatus.exemplary.isRecognised)
    }

    @Test("a registration is in time to the deadline, late after it, refused from the day the evaluation starts")
    func timing() throws {
        let ends = try #require(CivilDate(year: 2026, month: 3, day: 31)), evaluation = try #require(CivilDate(year: 2026, month: 9, day: 1))
        #expect(RegistrationTiming.of(ends, registrationEnds: ends, evaluationStarts: evaluation) == .inTime)
        #expect(RegistrationTiming.of(try #require(CivilDate(year: 2026, month: 4, day: 1)), registrationEnds: ends, evaluationStarts: evaluation) == .late)
        #expect(RegistrationTiming.of(try #require(CivilDate(year: 2026, month: 8, day: 31)), registrationEnds: ends, evaluationStarts: evaluation) == .late)
        #expect(RegistrationTiming.of(evaluation, registrationEnds: ends, evaluationStarts: evaluation) == .closed)
    }

    @Test("a registration without a name or field, of an unknown field or kind, or an exemplar without a person, names each field")
    func registrationProblems() {
        let fields = ModelField.defaults
        guard case .failure(let empty) = ModelRegistration(name: " ", field: "").validated(fields: fields) else { Issue.record("accepted"); return }
        #expect(Set(empty.issues.map(\.field)) == ["name", "field"])
        guard case .failure(let exemplar) = ModelRegistration(name: "Gương mẫu", field: "Kinh tế", kind: "individual_exemplar").validated(fields: fields)
        else { Issue.record("accepted"); return }
        #expect(exemplar.issues.map(\.field) == ["personName"])
        guard case .failure(let unknown) = ModelRegistration(name: "X", field: "Thể thao", kind: "tập thể").validated(fields: fields)
        else { Issue.record("accepted"); return }
        #expect(Set(unknown.issues.map(\.field)) == ["field", "kind"])
        #expect(unknown.issues.first { $0.field == "field" }?.message.contains("Kinh tế") == true)
    }

    @Test("a field and a kind are matched as people type them, and a collective model keeps no person")
    func registrationCleaned() throws {
        let clean = try ModelRegistration(name: "  Đường nội đồng ", field: "kinh te", kind: "Mô hình tập thể", personName: "Ai đó")
            .validated(fields: ModelField.defaults).get()
        #expect(clean.name == "Đường nội đồng" && clean.field == "Kinh tế" && clean.kind == "collective_model" && clean.personName.isEmpty)
    }

    @Test("\"từ 01 – 02 mô hình\" per unit: within is met, above is met with a note, below names the unit")
    func perUnitRange() {
        let range = Threshold(.between, 1, upper: 2, measure: .count)
        let units = [ModelTargetEvaluation.UnitCount(name: "Xã A", registered: 1, recognised: 0),
                     .init(name: "Xã B", registered: 3, recognised: 1)]
        let met = ModelTargetEvaluation.evaluate(range, kind: .modelPerUnit, perUnit: nil, units: units, registered: 4, recognised: 1)
        #expect(met.status == .met && met.explanation.contains("Vượt mức (vẫn đạt): Xã B (3)"))
        let short = ModelTargetEvaluation.evaluate(range, kind: .modelPerUnit, perUnit: nil, units: units + [.init(name: "Xã C", registered: 0, recognised: 0)],
                                                   registered: 4, recognised: 1)
        #expect(short.status == .notMet && short.explanation.contains("Chưa đủ mức: Xã C (0)"))
    }

    @Test("\"100% chi bộ … 01 mô hình\" is the share of units with one; \"95% … đăng ký\" the share of units registered")
    func shares() {
        let units = (1...20).map { ModelTargetEvaluation.UnitCount(name: "Chi bộ \($0)", registered: $0 == 20 ? 0 : 1, recognised: 0) }
        let all = ModelTargetEvaluation.evaluate(Threshold(.eq, 100, measure: .percent), kind: .modelPerUnit, perUnit: Threshold(.ge, 1, measure: .count),
                                                 units: units, registered: 19, recognised: 0)
        #expect(all.status == .notMet && all.figure == 95 && all.explanation.contains("Chi bộ 20"))
        let share = ModelTargetEvaluation.evaluate(Threshold(.ge, 95, measure: .percent), kind: .modelShare, perUnit: nil, units: units,
                                                   registered: 19, recognised: 0)
        #expect(share.status == .met && share.explanation.hasPrefix("19/20 = 95%"))
        let recognised = ModelTargetEvaluation.evaluate(Threshold(.ge, 5, measure: .count), kind: .modelsRecognised, perUnit: nil, units: units,
                                                        registered: 19, recognised: 4)
        #expect(recognised.status == .notMet && recognised.figure == 4)
    }

    @Test("targets about models are offered an indicator counted from the register")
    func suggestions() {
        func kind(_ text: String) -> IndicatorKind? {
            TargetParser.targets(in: text, lineNumber: 1).first.map { IndicatorSuggestion.suggest(for: $0).kind }
        }
        #expect(kind("- 95% trở lên các cấp ủy cơ sở triển khai thực hiện đăng ký xây dựng mô hình “Dân vận khéo”.") == .modelShare)
        #expect(kind("- 100% các chi bộ trực thuộc xây dựng được 01 mô hình “Dân vận khéo”.") == .modelPerUnit)
        #expect(kind("- Mỗi cấp ủy cơ sở có từ 01 - 02 mô hình điển hình.") == .modelPerUnit)
        #expect(kind("- Có ít nhất 05 mô hình “Dân vận khéo” được công nhận.") == .modelsRecognised)
        #expect(kind("- Trên 85% hộ gia đình được tuyên truyền.") == .ratio)
        #expect(kind("- Có ít nhất 05 mô hình bảo vệ môi trường được xây dựng.") == .modelsRegistered)
        #expect(IndicatorKind.modelShare.isComputed && !IndicatorKind.ratio.isComputed)
    }

    @Test("the register's columns read back the headers the export writes, and a kind by its label")
    func columns() {
        for column in ModelRegisterColumn.allCases { #expect(ModelRegisterColumn(header: column.header) == column) }
        #expect(ModelRegisterColumn(header: "TEN MO HINH, DIEN HINH") == .name)
        #expect(ModelKind(text: "Điển hình cá nhân") == .individualExemplar)
        #expect(ModelField.parse(lines: "Kinh tế: Rừng; Chè\nVăn hóa") == [ModelField(name: "Kinh tế", subthemes: ["Rừng", "Chè"]), ModelField(name: "Văn hóa")])
    }
}
