/// A registration as the unit writes it: the ten items of the registration form seen in
/// practice (name; the problem and why; goals and the criteria to judge results; content and
/// methods; place and beneficiaries; forces; resources; timing; outputs that can be verified;
/// whether it can be sustained and replicated), the field and theme, the kind, and for an
/// individual exemplar the person.
public struct ModelRegistration: Equatable, Sendable, Codable {
    public var name: String
    public var field: String
    public var subtheme: String
    public var kind: String
    public var personName: String
    public var personPosition: String
    public var personUnit: String
    public var problem: String
    public var goals: String
    public var content: String
    public var place: String
    public var forces: String
    public var resources: String
    public var timing: String
    public var outputs: String
    public var sustainability: String

    public init(name: String = "", field: String = "", subtheme: String = "", kind: String = ModelKind.collectiveModel.rawValue,
                personName: String = "", personPosition: String = "", personUnit: String = "", problem: String = "", goals: String = "",
                content: String = "", place: String = "", forces: String = "", resources: String = "", timing: String = "",
                outputs: String = "", sustainability: String = "") {
        self.name = name
        self.field = field
        self.subtheme = subtheme
        self.kind = kind
        self.personName = personName
        self.personPosition = personPosition
        self.personUnit = personUnit
        self.problem = problem
        self.goals = goals
        self.content = content
        self.place = place
        self.forces = forces
        self.resources = resources
        self.timing = timing
        self.outputs = outputs
        self.sustainability = sustainability
    }

    private enum CodingKeys: String, CodingKey {
        case name, field, subtheme, kind, personName, personPosition, personUnit, problem, goals, content, place, forces, resources, timing
        case outputs, sustainability
    }

    /// Any item may be left out of a JSON body; it is then empty (and the checks say what is missing).
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        func text(_ key: CodingKeys) throws -> String { try values.decodeIfPresent(String.self, forKey: key) ?? "" }
        self.init(name: try text(.name), field: try text(.field), subtheme: try text(.subtheme),
                  kind: try values.decodeIfPresent(String.self, forKey: .kind) ?? ModelKind.collectiveModel.rawValue,
                  personName: try text(.personName), personPosition: try text(.personPosition), personUnit: try text(.personUnit),
                  problem: try text(.problem), goals: try text(.goals), content: try text(.content), place: try text(.place),
                  forces: try text(.forces), resources: try text(.resources), timing: try text(.timing), outputs: try text(.outputs),
                  sustainability: try text(.sustainability))
    }

    /// The items after the name, in the form's order, with their labels and keys.
    public nonisolated(unsafe) static let items: [(key: String, label: String, path: WritableKeyPath<ModelRegistration, String>)] = [
        ("problem", "Vấn đề đặt ra, lý do xây dựng", \.problem),
        ("goals", "Mục tiêu, tiêu chí đánh giá kết quả", \.goals),
        ("content", "Nội dung, cách làm", \.content),
        ("place", "Địa bàn, đối tượng thụ hưởng", \.place),
        ("forces", "Lực lượng chủ trì, phối hợp, tham gia", \.forces),
        ("resources", "Nguồn lực (kinh phí, ngày công, đóng góp)", \.resources),
        ("timing", "Thời gian (bắt đầu, các mốc, đánh giá)", \.timing),
        ("outputs", "Sản phẩm, kết quả kiểm chứng được", \.outputs),
        ("sustainability", "Khả năng duy trì, nhân rộng", \.sustainability),
    ]

    /// The registration cleaned, or every problem with the field it concerns. `fields` are the
    /// campaign's; with none, any field name is taken.
    public func validated(fields: [ModelField]) -> Result<ModelRegistration, ValidationFailure> {
        var clean = self
        var issues: [ValidationIssue] = []
        func take(_ path: WritableKeyPath<ModelRegistration, String>, _ key: String, _ label: String, limit: Int, required: Bool = false,
                  multiline: Bool = false) {
            switch FreeText.clean(self[keyPath: path], field: key, label: label, limit: limit, multiline: multiline, required: required) {
            case .success(let text): clean[keyPath: path] = text
            case .failure(let issue): issues.append(issue)
            }
        }
        take(\.name, "name", "Tên mô hình", limit: FreeText.Limit.name, required: true)
        take(\.field, "field", "Lĩnh vực", limit: FreeText.Limit.name, required: true)
        take(\.subtheme, "subtheme", "Chủ đề", limit: FreeText.Limit.name)
        for item in Self.items {
            take(item.path, item.key, item.label, limit: FreeText.Limit.paragraph, multiline: true)
        }
        take(\.personName, "personName", "Họ và tên người được đăng ký", limit: FreeText.Limit.name)
        take(\.personPosition, "personPosition", "Chức vụ", limit: FreeText.Limit.name)
        take(\.personUnit, "personUnit", "Đơn vị công tác", limit: FreeText.Limit.name)
        if !clean.field.isEmpty, !fields.isEmpty {
            if let field = ModelField.match(clean.field, in: fields) {
                clean.field = field.name
                if !clean.subtheme.isEmpty, !field.subthemes.isEmpty,
                   let theme = field.subthemes.first(where: { VietnameseFolding.fold($0) == VietnameseFolding.fold(clean.subtheme) }) {
                    clean.subtheme = theme
                }
            } else {
                issues.append(ValidationIssue(field: "field", message: "Lĩnh vực \"\(clean.field)\" không có trong phát động; chọn một trong: "
                                              + fields.map(\.name).joined(separator: ", ") + "."))
            }
        }
        if let kind = ModelKind(text: clean.kind) {
            clean.kind = kind.rawValue
            if kind.namesPerson, clean.personName.isEmpty {
                issues.append(ValidationIssue(field: "personName", message: "Điển hình cá nhân phải ghi họ và tên người được đăng ký."))
            }
            if !kind.namesPerson { clean.personName = ""; clean.personPosition = ""; clean.personUnit = "" }
        } else {
            issues.append(ValidationIssue(field: "kind", message: "Loại \"\(clean.kind)\" không có; chọn mô hình tập thể, điển hình tập thể hoặc điển hình cá nhân."))
        }
        return issues.isEmpty ? .success(clean) : .failure(ValidationFailure(issues))
    }

    public var modelKind: ModelKind { ModelKind(text: kind) ?? .collectiveModel }
}
