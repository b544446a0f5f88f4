/// How an indicator is measured, and so what a unit reports for it.
public enum IndicatorKind: String, Codable, Sendable, CaseIterable {
    /// Numerator over denominator: cadres trained of cadres in charge.
    case ratio
    /// A number: dialogues held, models registered.
    case count
    /// Done or not: a steering committee set up.
    case yesNo = "yes_no"
    /// The share of child units whose own count meets a per-unit threshold:
    /// "100% các chi bộ trực thuộc xây dựng được 01 mô hình".
    case childCoverage = "child_coverage"
    /// Computed from the "Dân vận khéo" register, never typed: the share of the units that must
    /// register which have at least one model this year.
    case modelShare = "model_share"
    /// From the register: each unit's number of models against a per-unit level ("mỗi cấp ủy cơ
    /// sở có từ 01 – 02 mô hình", "100% chi bộ xây dựng được 01 mô hình").
    case modelPerUnit = "model_per_unit"
    /// From the register: the number of models registered in the subtree this year.
    case modelsRegistered = "models_registered"
    /// From the register: the number of models recognised in the subtree this year.
    case modelsRecognised = "models_recognised"
    /// From the published classification: the share of the units graded by the unit's round
    /// that reach the target's level ("trên 90% … đạt từ khá trở lên").
    case gradeShare = "grade_share"
    /// From the published classification: the unit's own grade reaches the level ("loại Tốt").
    case ownGrade = "own_grade"
    /// From the training rosters: the distinct people in charge of mass mobilisation work, of the
    /// categories the training target names, trained in the year, over those on the register on
    /// 31 December ("trên 85% cán bộ … được tập huấn"). A person at two courses counts once.
    case trainedShare = "trained_share"
    /// From the publication register: of the items the communes of the subtree had to publish by
    /// the period's end, the share published on time ("100% … công khai đúng quy định").
    case publicationShare = "publication_share"
    /// From the register of oversight boards: the share of the villages below (or communes, for
    /// the people's inspection board) with the board the target names in office on the day
    /// ("100% thôn thành lập Ban Giám sát đầu tư của cộng đồng").
    case boardCoverage = "board_coverage"

    /// Counted from a register by DanVan itself: no report form asks for it.
    public var isComputed: Bool {
        [.modelShare, .modelPerUnit, .modelsRegistered, .modelsRecognised, .gradeShare, .ownGrade, .trainedShare, .publicationShare, .boardCoverage].contains(self)
    }

    public var label: String {
        switch self {
        case .ratio: "Tỷ lệ (tử số / mẫu số)"
        case .count: "Số lượng"
        case .yesNo: "Có / không"
        case .childCoverage: "Tỷ lệ đơn vị trực thuộc đạt"
        case .modelShare: "Tỷ lệ đơn vị có mô hình \"Dân vận khéo\" (tự tính từ sổ đăng ký)"
        case .modelPerUnit: "Số mô hình của mỗi đơn vị (tự tính từ sổ đăng ký)"
        case .modelsRegistered: "Số mô hình đăng ký (tự tính từ sổ đăng ký)"
        case .modelsRecognised: "Số mô hình được công nhận (tự tính từ sổ đăng ký)"
        case .gradeShare: "Tỷ lệ đơn vị được xếp loại đạt mức (tự tính từ kết quả xếp loại)"
        case .ownGrade: "Mức xếp loại của đơn vị (tự tính từ kết quả xếp loại)"
        case .trainedShare: "Tỷ lệ cán bộ được tập huấn, mỗi người tính một lần (tự tính từ danh sách học viên)"
        case .publicationShare: "Tỷ lệ nội dung công khai đúng hạn theo quy định (tự tính từ sổ công khai)"
        case .boardCoverage: "Tỷ lệ thôn, xã có Ban Giám sát đầu tư của cộng đồng hoặc Ban Thanh tra nhân dân (tự tính từ danh sách ban)"
        }
    }
}

/// What was reported (or rolled up) for one indicator at one unit and period.
public enum IndicatorValue: Equatable, Sendable {
    case ratio(numerator: Double, denominator: Double)
    case count(Double)
    case yesNo(Bool)
    /// Child units meeting their per-unit threshold, of the child units counted.
    case childCoverage(meeting: Int, of: Int)
}
