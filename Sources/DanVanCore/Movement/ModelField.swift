import Foundation

/// The fields of the movement a campaign names, each with its sub-themes. Fields are data: a
/// province adds "new countryside" or its own themes; these four are the default.
public struct ModelField: Codable, Equatable, Sendable {
    public var name: String
    public var subthemes: [String]

    public init(name: String, subthemes: [String] = []) {
        self.name = name
        self.subthemes = subthemes
    }

    public static let defaults: [ModelField] = [
        ModelField(name: "Kinh tế"),
        ModelField(name: "Văn hóa - xã hội"),
        ModelField(name: "Quốc phòng - an ninh"),
        ModelField(name: "Xây dựng hệ thống chính trị"),
    ]

    /// Fields written one per line as "Field: theme; theme".
    public static func parse(lines text: String) -> [ModelField] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let name = parts.first, !name.isEmpty else { return nil }
            let themes = parts.count > 1 ? parts[1].split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            return ModelField(name: name, subthemes: themes)
        }
    }

    public static func lines(_ fields: [ModelField]) -> String {
        fields.map { $0.subthemes.isEmpty ? $0.name : "\($0.name): \($0.subthemes.joined(separator: "; "))" }.joined(separator: "\n")
    }

    /// The field among `fields` a typed name means, ignoring case and accents.
    public static func match(_ text: String, in fields: [ModelField]) -> ModelField? {
        let folded = VietnameseFolding.fold(text)
        return fields.first { VietnameseFolding.fold($0.name) == folded }
    }
}
