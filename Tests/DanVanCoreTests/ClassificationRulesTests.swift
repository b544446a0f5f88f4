import DanVanCore
import Testing

@Suite("Classification rules")
struct ClassificationRulesTests {
    let government = try! CriteriaSetSamples.governmentWork.definition
    let front = try! CriteriaSetSamples.frontCommittees.definition

    /// Scores that reach `total` under a set: the unit's criteria filled from the top until the
    /// points run out.
    func scores(_ definition: CriteriaSetDefinition, reaching total: Points) -> [String: Points] {
        var left = total
        var scores: [String: Points] = [:]
        for leaf in definition.leaves where !leaf.kind.isAdjustment {
            let points = min(leaf.maxPoints, left)
            scores[leaf.key] = points
            left = left - points
        }
        return scores
    }

    @Test("points read with a comma or a point, two places at most, and print with a comma")
    func points() {
        #expect(Points(parsing: "87,5") == Points(hundredths: 8750))
        #expect(Points(parsing: "79.99") == Points(hundredths: 7999))
        #expect(Points(parsing: " 80 ") == Points(80))
        #expect(Points(parsing: "1,234") == nil && Points(parsing: "abc") == nil && Points(parsing: "") == nil && Points(parsing: "1.2.3") == nil)
        #expect(Points(parsing: "-2")?.hundredths == -200)
        #expect(Points(hundredths: 8750).description == "87,50" && Points(hundredths: 8750).short == "87,5" && Points(80).short == "80")
        #expect(Points.share(of: Points(5), numerator: 2, denominator: 3) == Points(hundredths: 333))
        #expect(Points.share(of: Points(10), numerator: 1, denominator: 8) == Points(hundredths: 125))
        #expect(Points.share(of: Points(5), numerator: 9, denominator: 0) == .zero)
    }

    @Test("the government set: 8 groups worth 90 by the unit, 10 from the level above, a capped penalty, 100 in all")
    func governmentShape() {
        #expect(government.issues().isEmpty)
        #expect(government.maxPoints == Points(100))
        let unitGroups = government.groups.filter { $0.leaves.allSatisfy { $0.scorer == .unit } && !$0.kind.isAdjustment }
        #expect(unitGroups.count == 8 && unitGroups.reduce(Points.zero) { $0 + $1.maxPoints } == Points(90))
        #expect(government.groups.first { $0.number == "IX" }?.leaves.allSatisfy { $0.scorer == .above } == true)
        #expect(government.criterion("I.1")?.binding == "plan.coverage" && government.criterion("VIII.1")?.kind == .quantitative)
    }

    @Test("band edges: 80.00 is Tốt and 79.99 Khá under the government set; 89.99 Tốt and 90 Xuất sắc under the Front's")
    func bandEdges() {
        func label(_ definition: CriteriaSetDefinition, _ hundredths: Int) -> String {
            let total = CriteriaScoring.totals(definition, scores: scores(definition, reaching: Points(hundredths: hundredths))).total
            #expect(total == Points(hundredths: hundredths))
            return CriteriaScoring.classify(definition, total: total, submittedInTime: true).label
        }
        #expect(label(government, 8000) == "Tốt")
        #expect(label(government, 7999) == "Khá")
        #expect(label(government, 7500) == "Khá")
        #expect(label(government, 7499) == "Trung bình")
        #expect(label(government, 4999) == "Yếu")
        #expect(label(government, 10000) == "Tốt")
        #expect(label(front, 8999) == "Tốt")
        #expect(label(front, 9000) == "Xuất sắc")
        #expect(label(front, 6500) == "Khá" && label(front, 6499) == "Trung bình" && label(front, 0) == "Yếu")
    }

    @Test("a penalty takes off up to its cap, a group adds its criteria, the total never goes below zero")
    func totals() {
        var sheet = scores(government, reaching: Points(82))
        sheet["X.1"] = Points(3)
        let totals = CriteriaScoring.totals(government, scores: sheet)
        #expect(totals.total == Points(79))
        #expect(totals.byRow["X"] == Points(3) && totals.byRow["I"] == Points(10))
        #expect(CriteriaScoring.classify(government, total: totals.total, submittedInTime: true).label == "Khá")
        #expect(CriteriaScoring.totals(government, scores: ["X.1": Points(5)]).total == .zero)
    }

    @Test("the close-date gate overrides the points; a quota names its counts")
    func gates() {
        let late = CriteriaScoring.classify(government, total: Points(95), submittedInTime: false)
        #expect(late.gated && late.label == ClassificationGate.notEligible)
        #expect(!CriteriaScoring.classify(front, total: Points(95), submittedInTime: false).gated, "a set without the gate classifies by points")
        let labels = ["Xuất sắc", "Xuất sắc", "Xuất sắc", "Tốt", "Tốt", "Khá", "Khá", "Khá", "Khá", "Khá"]
        let issues = CriteriaScoring.quotaIssues(front, labels: labels)
        #expect(issues.count == 1 && issues[0].message.contains("3 đơn vị") && issues[0].message.contains("giới hạn 2") && issues[0].message.contains("10"))
        #expect(CriteriaScoring.quotaIssues(front, labels: Array(labels.dropFirst())).count == 1, "2 of 9 is above 20% (1)")
        #expect(CriteriaScoring.quotaIssues(front, labels: Array(labels.dropFirst(2))).isEmpty, "1 of 8 is within 20% (1)")
        #expect(CriteriaScoring.quotaIssues(front, labels: ["Xuất sắc"] + Array(repeating: "Tốt", count: 9)).isEmpty)
    }

    @Test("scores above the maximum, below zero, a penalty above its cap and unknown criteria are named")
    func badScores() {
        let issues = CriteriaScoring.issues(government, scores: ["I.1": Points(6), "I.2": Points(-1), "X.1": Points(7), "XX.9": Points(1), "II.1": Points(8)])
        let text = issues.map(\.message).joined(separator: " | ")
        #expect(issues.count == 4, "\(text)")
        #expect(text.contains("Tiêu chí I.1: 6 điểm, vượt điểm tối đa 5"))
        #expect(text.contains("điểm không được âm"))
        #expect(text.contains("(điểm trừ): trừ 7 điểm, vượt mức trừ tối đa 5"))
        #expect(text.contains("XX.9 không có"))
        #expect(CriteriaScoring.unscored(government, scores: [:], by: .unit).count == 15)
        #expect(CriteriaScoring.missingEvidence(government, scores: ["I.2": Points(5), "II.1": .zero], evidence: []).map(\.key) == ["I.2"])
    }

    @Test("the table reader: a set that does not add up, bands with a gap or an overlap, bad rows each with its line")
    func badTables() {
        var rows = CriteriaSetSamples.governmentWork.criteria
        rows[rows.count - 1][2] = "95"
        guard case .failure(let sum) = CriteriaTable.read(criteria: rows, bands: CriteriaSetSamples.governmentWork.bands, gates: []) else {
            Issue.record("a set that does not add up was read"); return
        }
        #expect(sum.issues.contains { $0.message.contains("cộng lại được 100") && $0.message.contains("(95)") })
        let gap = [CriteriaTable.bandHeader, ["Tốt", "80", "100"], ["Khá", "75", "79"], ["Yếu", "0", "75"]]
        let overlap = [CriteriaTable.bandHeader, ["Tốt", "80", "100"], ["Khá", "70", "85"], ["Yếu", "0", "70"]]
        for (bands, word) in [(gap, "Hở giữa mức Khá"), (overlap, "Chồng lấn giữa mức Khá")] {
            guard case .failure(let failure) = CriteriaTable.read(criteria: CriteriaSetSamples.governmentWork.criteria, bands: bands, gates: []) else {
                Issue.record("bad bands were read: \(word)"); continue
            }
            #expect(failure.issues.contains { $0.message.contains(word) }, "\(failure.summary)")
        }
        var broken = CriteriaSetSamples.governmentWork.criteria
        broken[2][2] = "năm"
        broken[3][3] = "Tùy ý"
        broken[4][0] = "1.2.3.x"
        guard case .failure(let lines) = CriteriaTable.read(criteria: broken, bands: CriteriaSetSamples.governmentWork.bands, gates: []) else {
            Issue.record("bad rows were read"); return
        }
        #expect(lines.issues.map(\.line) == [3, 4, 5], "\(lines.summary)")
        #expect(lines.summary.contains("Dòng 3") && lines.summary.contains("\"năm\" không phải số điểm") && lines.summary.contains("loại \"Tùy ý\""))
    }

    @Test("a set written out reads back the same: numbers, keys, kinds, evidence, scorers, bindings, bands, gates")
    func roundTrip() throws {
        for definition in [government, front] {
            let sheets = CriteriaTable.write(definition)
            let again = try CriteriaTable.read(criteria: sheets.criteria, bands: sheets.bands, gates: sheets.gates).get()
            #expect(again == definition)
        }
        #expect(front.gates == [.quota(band: "Xuất sắc", percent: 20)])
        #expect(government.gates == [.submitByClose(label: ClassificationGate.notEligible)])
    }

    @Test("numbers place rows: letters and dotted numbers under a criterion, arabic numbers under a Roman group")
    func numbering() throws {
        let rows = [CriteriaTable.criteriaHeader, ["I", "Nhóm", "10", "", "", "", ""], ["1", "Tiêu chí", "10", "", "", "", ""],
                    ["a)", "Ý a", "4", "", "", "", ""], ["b)", "Ý b", "6", "", "", "", ""], ["", "Tổng cộng", "10", "", "", "", ""]]
        let definition = try CriteriaTable.read(criteria: rows, bands: [["Đạt", "0", "10"]], gates: []).get()
        #expect(definition.leaves.map(\.key) == ["I.1.a", "I.1.b"])
        let dotted = [CriteriaTable.criteriaHeader, ["1", "Nhóm", "10", "", "", "", ""], ["1.1", "Ý một", "4", "", "", "", ""],
                      ["1.2", "Ý hai", "6", "", "", "", ""]]
        #expect(try CriteriaTable.read(criteria: dotted, bands: [["Đạt", "0", "10"]], gates: []).get().leaves.map(\.key) == ["1.1", "1.2"])
    }

    @Test("sheets move like reports: submitted, returned, appraised, published, reopened from above")
    func sheetStates() {
        #expect(SheetAction.submit.next(from: .draft) == .submitted && SheetAction.submit.next(from: .returned) == .submitted)
        #expect(SheetAction.submit.next(from: .appraised) == nil && SheetAction.appraise.next(from: .draft) == nil)
        #expect(SheetAction.return.next(from: .submitted) == .returned && SheetAction.reopen.next(from: .published) == .submitted)
        #expect(SheetAction.appraise.next(from: .published) == nil && SheetAction.exclude.next(from: .draft) == .appraised)
        #expect(SheetState.returned.unitMayEdit && !SheetState.submitted.unitMayEdit)
    }

    @Test("bands rank labels whatever their accents: Tốt reaches Khá, Khá does not reach Tốt")
    func ranking() {
        #expect(government.bands.reaches("Tốt", atLeast: "khá") && !government.bands.reaches("Khá", atLeast: "Tốt"))
        #expect(!government.bands.reaches(ClassificationGate.notEligible, atLeast: "Yếu"))
    }
}

@Suite("Targets on grades")
struct GradeTargetTests {
    func kind(_ text: String) -> IndicatorKind? {
        TargetParser.targets(in: text, lineNumber: 1).first.map { IndicatorSuggestion.suggest(for: $0).kind }
    }

    @Test("a unit's own grade and a share of units reaching a grade are read from the classification, never typed")
    func suggestions() {
        #expect(kind("- Cơ quan được đánh giá, xếp loại kết quả thực hiện công tác dân vận chính quyền loại “Tốt”.") == .ownGrade)
        #expect(kind("Phấn đấu đơn vị được xếp loại công tác dân vận chính quyền đạt loại tốt.") == .ownGrade)
        #expect(kind("trên 90% tỷ lệ xếp loại chất lượng hoạt động của Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội ở cơ sở đạt từ khá trở lên.")
                == .gradeShare)
        #expect(IndicatorKind.gradeShare.isComputed && IndicatorKind.ownGrade.isComputed)
        #expect(kind("Trên 85% hộ gia đình được tuyên truyền.") == .ratio, "a share with no grade stays a reported ratio")
    }
}
