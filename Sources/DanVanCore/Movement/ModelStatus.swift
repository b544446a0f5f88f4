/// Where a registration stands in the year: registered by the unit, returned or accepted by the
/// level above, evaluated by the steering committee, then recognised ("tiêu biểu" for the best)
/// or not.
public enum ModelStatus: String, CaseIterable, Codable, Sendable {
    case registered
    case returned
    case accepted
    case evaluated
    case recognised
    case exemplary
    case notRecognised = "not_recognised"

    public var label: String {
        switch self {
        case .registered: "Đã đăng ký, chờ cấp trên"
        case .returned: "Bị trả lại"
        case .accepted: "Đã chấp nhận"
        case .evaluated: "Đã đánh giá"
        case .recognised: "Được công nhận"
        case .exemplary: "Tiêu biểu"
        case .notRecognised: "Không công nhận"
        }
    }

    /// Counts as a registration of the year (a returned one does not until sent again).
    public var counts: Bool { self != .returned }

    /// Recognised, as "tiêu biểu" or plainly.
    public var isRecognised: Bool { self == .recognised || self == .exemplary }

    /// Its registration can still be changed by the unit.
    public var isEditable: Bool { self == .registered || self == .returned }

    /// Taken into a new year once the level above has accepted it (a recognised one, or one to consolidate).
    public var mayBeCarried: Bool { ![.registered, .returned].contains(self) }

    /// A recognised model may be copied ("nhân rộng") by another unit.
    public var mayBeReplicated: Bool { isRecognised }
}

/// The decisions on a registration and when each may be taken.
public enum ModelDecision: String, CaseIterable, Sendable {
    case returnToUnit = "return"
    case accept
    case evaluate
    case recognise
    case recogniseExemplary = "recognise_exemplary"
    case notRecognise = "not_recognise"
    /// The commendation proposed or given for a recognised model, recorded after its recognition.
    case commend

    public var label: String {
        switch self {
        case .returnToUnit: "Trả lại"
        case .accept: "Chấp nhận"
        case .evaluate: "Đánh giá"
        case .recognise: "Công nhận"
        case .recogniseExemplary: "Công nhận tiêu biểu"
        case .notRecognise: "Không công nhận"
        case .commend: "Ghi khen thưởng"
        }
    }

    /// The status the decision leads to, or a refusal saying why not from this status.
    public func next(from status: ModelStatus) -> Result<ModelStatus, ValidationIssue> {
        let allowed: [ModelStatus]
        let result: ModelStatus
        switch self {
        case .returnToUnit: (allowed, result) = ([.registered, .accepted], .returned)
        case .accept: (allowed, result) = ([.registered], .accepted)
        case .evaluate: (allowed, result) = ([.accepted, .evaluated], .evaluated)
        case .recognise: (allowed, result) = ([.evaluated], .recognised)
        case .recogniseExemplary: (allowed, result) = ([.evaluated], .exemplary)
        case .notRecognise: (allowed, result) = ([.evaluated], .notRecognised)
        case .commend: (allowed, result) = ([.recognised, .exemplary], status)
        }
        guard allowed.contains(status) else {
            let why = switch self {
            case .recognise, .recogniseExemplary, .notRecognise: "chỉ công nhận mô hình đã được đánh giá"
            case .evaluate: "chỉ đánh giá mô hình đã được chấp nhận đăng ký"
            case .accept: "chỉ chấp nhận đăng ký đang chờ cấp trên"
            case .returnToUnit: "chỉ trả lại đăng ký chưa được đánh giá"
            case .commend: "chỉ ghi khen thưởng cho mô hình đã được công nhận"
            }
            return .failure(ValidationIssue(field: "decision", message: "Không thể \(label.lowercased()) mô hình đang ở trạng thái \"\(status.label)\": \(why)."))
        }
        return .success(result)
    }
}
