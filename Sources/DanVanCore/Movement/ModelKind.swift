/// What is registered in the "Dân vận khéo" movement: a collective's model, or an exemplar
/// (a collective or one person held up as an example).
public enum ModelKind: String, CaseIterable, Codable, Sendable {
    case collectiveModel = "collective_model"
    case collectiveExemplar = "collective_exemplar"
    case individualExemplar = "individual_exemplar"

    public var label: String {
        switch self {
        case .collectiveModel: "Mô hình tập thể"
        case .collectiveExemplar: "Điển hình tập thể"
        case .individualExemplar: "Điển hình cá nhân"
        }
    }

    /// An individual exemplar names the person: their name, position and unit.
    public var namesPerson: Bool { self == .individualExemplar }

    public var isCollective: Bool { self != .individualExemplar }

    /// From a code or a label as a spreadsheet writes it ("Mô hình tập thể", "ca nhan").
    public init?(text: String) {
        if let kind = ModelKind(rawValue: text) { self = kind; return }
        let folded = VietnameseFolding.fold(text)
        guard let kind = ModelKind.allCases.first(where: { VietnameseFolding.fold($0.label) == folded }) else { return nil }
        self = kind
    }
}
