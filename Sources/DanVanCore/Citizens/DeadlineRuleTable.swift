/// The limits DanVan ships, each citing its article. They are loaded into the database once and
/// kept there as data: a province corrects or replaces a row from a date, never in place.
public enum DeadlineRuleTable {
    public static let shipped: [DeadlineRule] = [
        DeadlineRule(key: "thong-bao-xu-ly", event: "Thông báo cho công dân việc thụ lý, chuyển đơn hoặc hướng dẫn",
                     kinds: CaseKind.allCases, stage: .notify, limit: 10, dayKind: .calendar,
                     citation: "Luật Tiếp công dân 2013, Điều 28; Quy định 11-QĐi/TW", validFrom: CivilDate.literal("2014-07-01")),
        DeadlineRule(key: "khieu-nai-thu-ly", event: "Thụ lý giải quyết khiếu nại", kinds: [.complaint], stage: .accept,
                     limit: 10, dayKind: .calendar, citation: "Luật Khiếu nại 2011, Điều 27", validFrom: CivilDate.literal("2012-07-01")),
        DeadlineRule(key: "khieu-nai-lan-dau", event: "Giải quyết khiếu nại lần đầu", kinds: [.complaint], stage: .resolve,
                     limit: 30, complexLimit: 45, remoteLimit: 45, remoteComplexLimit: 60, dayKind: .calendar,
                     citation: "Luật Khiếu nại 2011, Điều 28", validFrom: CivilDate.literal("2012-07-01")),
        DeadlineRule(key: "khieu-nai-lan-hai", event: "Giải quyết khiếu nại lần hai", kinds: [.complaint], stage: .resolve, secondRound: true,
                     limit: 45, complexLimit: 60, remoteLimit: 60, remoteComplexLimit: 70, dayKind: .calendar,
                     citation: "Luật Khiếu nại 2011, Điều 37", validFrom: CivilDate.literal("2012-07-01")),
        DeadlineRule(key: "to-cao-xu-ly-ban-dau", event: "Vào sổ, phân loại, xử lý ban đầu thông tin tố cáo", kinds: [.denunciation],
                     stage: .accept, limit: 7, dayKind: .working, citation: "Luật Tố cáo 2018, Điều 24 (cần kiểm tra)",
                     validFrom: CivilDate.literal("2019-01-01")),
        DeadlineRule(key: "to-cao-giai-quyet", event: "Giải quyết tố cáo", kinds: [.denunciation], stage: .resolve, limit: 30,
                     dayKind: .calendar, extensions: .init(days: 30, whenComplex: 1, whenVeryComplex: 2),
                     citation: "Luật Tố cáo 2018, Điều 30", validFrom: CivilDate.literal("2019-01-01")),
        DeadlineRule(key: "kien-nghi-tra-loi", event: "Trả lời kiến nghị, phản ánh", kinds: [.recommendation, .report], stage: .resolve,
                     limit: 60, dayKind: .calendar, citation: "Quyết định 30/2020/QĐ-TTg (trả lời kiến nghị cử tri; cần kiểm tra khi áp dụng cho kiến nghị khác)",
                     validFrom: CivilDate.literal("2020-11-01")),
    ]

    /// The right to complain lapses 90 days after the citizen learnt of the decision or act
    /// (Luật Khiếu nại 2011, Điều 9): a limit on the citizen, shown when a complaint is received.
    public static let complaintLapseDays = 90

    /// The rule for a step of a case on a day, from the rules held; nil when none is in force.
    public static func rule(for kind: CaseKind, stage: DeadlineRule.Stage, secondRound: Bool = false, on date: CivilDate,
                            in rules: [DeadlineRule]) -> DeadlineRule? {
        rules.filter { $0.kinds.contains(kind) && $0.stage == stage && $0.isInForce(on: date) && $0.secondRound == (secondRound && kind == .complaint) }
            .max { $0.validFrom < $1.validFrom }
    }

    /// Checks a rule typed or imported by a person: every fault named with its field.
    public static func issues(in rule: DeadlineRule, others: [DeadlineRule]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let keyPattern = rule.key.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
        if rule.key.isEmpty || !keyPattern || rule.key.count > 60 {
            issues.append(ValidationIssue(field: "key", message: "Mã quy tắc \"\(rule.key)\" chỉ gồm chữ thường không dấu, số và dấu gạch ngang (tối đa 60 ký tự)."))
        }
        if rule.event.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(ValidationIssue(field: "event", message: "Việc phải làm là bắt buộc."))
        }
        if rule.kinds.isEmpty {
            issues.append(ValidationIssue(field: "kinds", message: "Chọn ít nhất một loại đơn mà quy tắc áp dụng."))
        }
        for (value, field, label) in [(Optional(rule.limit), "limit", "Thời hạn"), (rule.complexLimit, "complexLimit", "Thời hạn vụ việc phức tạp"),
                                      (rule.remoteLimit, "remoteLimit", "Thời hạn vùng sâu, vùng xa"),
                                      (rule.remoteComplexLimit, "remoteComplexLimit", "Thời hạn vùng sâu, vùng xa, phức tạp")] {
            if let value, !(1...365).contains(value) {
                issues.append(ValidationIssue(field: field, message: "\(label) phải từ 1 đến 365 ngày, không phải \(value)."))
            }
        }
        let ext = rule.extensions
        if !(0...3).contains(ext.whenComplex) || !(0...3).contains(ext.whenVeryComplex) || ext.whenComplex > ext.whenVeryComplex {
            issues.append(ValidationIssue(field: "maxExtensions", message: "Số lần gia hạn từ 0 đến 3, vụ việc đặc biệt phức tạp không ít hơn vụ việc phức tạp."))
        }
        if (ext.whenComplex > 0 || ext.whenVeryComplex > 0) && !(1...365).contains(ext.days) {
            issues.append(ValidationIssue(field: "extensionDays", message: "Mỗi lần gia hạn phải từ 1 đến 365 ngày."))
        }
        if rule.citation.trimmingCharacters(in: .whitespaces).isEmpty {
            issues.append(ValidationIssue(field: "citation", message: "Ghi văn bản, điều khoản quy định thời hạn."))
        }
        if let end = rule.validTo, end < rule.validFrom {
            issues.append(ValidationIssue(field: "validTo", message: "Ngày hết hiệu lực \(end.vietnamese) trước ngày có hiệu lực \(rule.validFrom.vietnamese)."))
        }
        if others.contains(where: { $0.key == rule.key && $0.validFrom == rule.validFrom }) {
            issues.append(ValidationIssue(field: "validFrom", message: "Quy tắc \(rule.key) đã có một phiên bản hiệu lực từ \(rule.validFrom.vietnamese)."))
        }
        return issues
    }
}
