import DanVanCore
import Foundation

/// The audit log in words a clerk reads: each action's Vietnamese name, the object it touched,
/// and what changed as "field: before → after". The API keeps the stored codes and JSON.
enum AuditWording {
    struct Change: Encodable {
        let field: String
        let before: String
        let after: String
    }

    static let actions: [String: String] = [
        "unit.create": "Thêm đơn vị", "unit.update": "Sửa đơn vị", "unit.move": "Chuyển đơn vị", "unit.end": "Kết thúc đơn vị",
        "user.create": "Tạo tài khoản", "user.update": "Sửa tài khoản", "user.password": "Đổi mật khẩu",
        "token.create": "Tạo khóa API", "token.revoke": "Thu hồi khóa API",
        "plan.create": "Lập kế hoạch", "plan.derive": "Lập kế hoạch từ kế hoạch cấp trên", "plan.import": "Nhập kế hoạch từ tệp",
        "plan.issue": "Ban hành kế hoạch", "plan.reporting": "Đặt chế độ báo cáo", "plan.indicator": "Xác nhận chỉ số",
        "plan.target": "Sửa chỉ tiêu", "plan.task": "Sửa nhiệm vụ", "plan.target.add": "Thêm chỉ tiêu", "plan.task.add": "Thêm nhiệm vụ",
        "plan.target.remove": "Bỏ chỉ tiêu", "plan.task.remove": "Bỏ nhiệm vụ",
        "task.update": "Báo cáo tiến độ nhiệm vụ", "task.remind": "Đôn đốc nhiệm vụ",
        "report.save": "Lưu nháp báo cáo", "report.submit": "Gửi báo cáo", "report.return": "Trả lại báo cáo",
        "report.approve": "Duyệt báo cáo", "report.reopen": "Mở lại báo cáo",
        "model.campaign": "Phát động phong trào “Dân vận khéo”", "model.register": "Đăng ký mô hình", "model.import": "Nhập mô hình từ tệp",
        "model.update": "Sửa đăng ký mô hình", "model.carry": "Tiếp tục mô hình sang năm mới", "model.replicate": "Nhân rộng mô hình",
        "model.note": "Ghi tiến độ mô hình", "model.self": "Tự đánh giá mô hình", "model.return": "Trả lại đăng ký mô hình",
        "model.accept": "Chấp nhận đăng ký mô hình", "model.evaluate": "Đánh giá mô hình", "model.recognise": "Công nhận mô hình",
        "model.recognise_exemplary": "Công nhận mô hình tiêu biểu", "model.not_recognise": "Không công nhận mô hình",
        "model.commend": "Ghi khen thưởng mô hình",
    ]

    static let entities: [String: String] = [
        "unit": "Đơn vị", "user": "Tài khoản", "token": "Khóa API", "plan": "Kế hoạch", "task": "Nhiệm vụ", "report": "Báo cáo",
        "occurrence": "Nhiệm vụ", "model": "Mô hình “Dân vận khéo”", "campaign": "Phong trào “Dân vận khéo”",
    ]

    static let fields: [String: String] = [
        "state": "trạng thái", "status": "trạng thái", "reason": "lý do", "year": "năm", "period": "kỳ", "figures": "số liệu",
        "subject": "trích yếu", "text": "nội dung", "timing": "thời gian", "lead": "chủ trì", "target": "chỉ tiêu", "task": "nhiệm vụ",
        "threshold": "mức", "indicator": "chỉ số", "implements": "thực hiện kế hoạch", "files": "tệp", "name": "tên", "code": "mã",
        "kind": "loại", "level": "cấp", "parent": "trực thuộc", "parentCode": "trực thuộc", "validFrom": "từ ngày", "validTo": "đến ngày",
        "role": "vai trò", "unitCode": "đơn vị", "fullName": "họ tên", "username": "tên đăng nhập", "active": "hoạt động",
        "revokedTokens": "khóa API bị thu hồi", "source": "tệp", "targets": "số chỉ tiêu", "tasks": "số nhiệm vụ", "note": "lời nhắn",
        "frequency": "chu kỳ", "successors": "đơn vị kế thừa", "id": "mã số", "field": "lĩnh vực", "late": "đăng ký muộn",
        "document": "văn bản", "recognition_level": "cấp công nhận", "decision_number": "số quyết định", "decision_date": "ngày quyết định",
        "criteria_met": "tiêu chí đạt", "evaluation_note": "nhận xét", "self_assessment": "tự đánh giá", "commendation_proposed": "đề nghị khen thưởng",
        "commendation_given": "khen thưởng",
    ]

    static func action(_ code: String) -> String { actions[code] ?? code }

    static func object(type: String, key: String) -> String { "\(entities[type] ?? type) \(key)" }

    /// Every field either side names, with its value before and after; unchanged fields left out.
    static func changes(before: String?, after: String?) -> [Change] {
        let old = flatten(before)
        let new = flatten(after)
        return Set(old.keys).union(new.keys).sorted().compactMap { key in
            let was = old[key] ?? ""
            let now = new[key] ?? ""
            guard was != now else { return nil }
            return Change(field: fields[key] ?? key, before: words(key, was), after: words(key, now))
        }
    }

    private static func words(_ key: String, _ value: String) -> String {
        if key == "state" || key == "status" {
            if let state = ReportState(rawValue: value) { return state.label }
            if let status = PlanStatus(rawValue: value) { return status.label }
            if let state = OccurrenceState(rawValue: value) { return state.label }
        }
        if value == "true" { return "có" }
        if value == "false" { return "không" }
        return value.clippedAtWord(160)
    }

    private static func flatten(_ json: String?) -> [String: String] {
        guard let json, let object = try? JSONDecoder().decode([String: Scalar].self, from: Data(json.utf8)) else { return [:] }
        return object.compactMapValues(\.text)
    }

    /// A value of a flat audit record; anything nested is kept as its JSON.
    private struct Scalar: Decodable {
        let text: String?

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() { text = nil }
            else if let value = try? container.decode(Bool.self) { text = value ? "true" : "false" }
            else if let value = try? container.decode(Int.self) { text = String(value) }
            else if let value = try? container.decode(Double.self) { text = String(value) }
            else if let value = try? container.decode(String.self) { text = value }
            else if let value = try? container.decode([String].self) { text = value.joined(separator: "; ") }
            else { text = "…" }
        }
    }
}
