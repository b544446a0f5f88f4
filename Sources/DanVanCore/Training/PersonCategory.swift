/// Who a training target speaks of. The list is data (`person_categories`); these are the
/// categories DanVan ships, the ones the seeds' targets name.
public struct PersonCategory: Equatable, Sendable, Codable {
    public let key: String
    public let label: String
    /// Counted by "cán bộ lãnh đạo và công chức trực tiếp phụ trách công tác dân vận" targets.
    public let inTrainingTarget: Bool

    public init(key: String, label: String, inTrainingTarget: Bool) {
        self.key = key
        self.label = label
        self.inTrainingTarget = inTrainingTarget
    }

    public static let shipped: [PersonCategory] = [
        PersonCategory(key: "leader", label: "Cán bộ lãnh đạo", inTrainingTarget: true),
        PersonCategory(key: "civil_servant", label: "Công chức trực tiếp phụ trách công tác dân vận", inTrainingTarget: true),
        PersonCategory(key: "to_dan_van", label: "Thành viên Tổ dân vận", inTrainingTarget: false),
        PersonCategory(key: "front_officer", label: "Cán bộ Mặt trận, đoàn thể", inTrainingTarget: false),
        PersonCategory(key: "other", label: "Khác", inTrainingTarget: false),
    ]
}

/// What a course teaches. The list is data (`training_topics`); these ship.
public struct TrainingTopic: Equatable, Sendable, Codable {
    public let key: String
    public let label: String

    public init(key: String, label: String) {
        self.key = key
        self.label = label
    }

    public static let shipped: [TrainingTopic] = [
        TrainingTopic(key: "dan_van", label: "Công tác dân vận"),
        TrainingTopic(key: "ton_giao", label: "Công tác tôn giáo"),
        TrainingTopic(key: "dan_toc", label: "Công tác dân tộc"),
        TrainingTopic(key: "dan_chu_co_so", label: "Thực hiện dân chủ ở cơ sở"),
        TrainingTopic(key: "ky_nang", label: "Kỹ năng vận động quần chúng"),
    ]
}
