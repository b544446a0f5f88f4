import DanVanCore
import Fluent
import SQLKit

/// The lists training speaks in, as the database holds them: categories of people and topics.
enum TrainingLists {
    private struct CategoryRow: Decodable {
        let key: String
        let label: String
        let in_training_target: Bool
    }

    private struct TopicRow: Decodable {
        let key: String
        let label: String
    }

    static func categories(on db: any Database) async throws -> [PersonCategory] {
        try await UnitClosure.sqlDatabase(db).select().columns("key", "label", "in_training_target").from("person_categories").orderBy("position")
            .all(decoding: CategoryRow.self).map { PersonCategory(key: $0.key, label: $0.label, inTrainingTarget: $0.in_training_target) }
    }

    static func topics(on db: any Database) async throws -> [TrainingTopic] {
        try await UnitClosure.sqlDatabase(db).select().columns("key", "label").from("training_topics").orderBy("position")
            .all(decoding: TopicRow.self).map { TrainingTopic(key: $0.key, label: $0.label) }
    }

    /// A category written by its key or its label, as a person types it.
    static func category(matching text: String, in categories: [PersonCategory]) -> PersonCategory? {
        let folded = VietnameseFolding.fold(text).trimmingCharacters(in: .whitespaces)
        guard !folded.isEmpty else { return nil }
        return categories.first { $0.key == folded || VietnameseFolding.fold($0.label) == folded }
    }
}
