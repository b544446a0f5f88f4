import Foundation
import NIOConcurrencyHelpers

/// Answers of a public page kept in this server's memory for a short lifetime, misses included
/// (an unknown code costs a read once, not at every guess). Behind several app servers each
/// keeps its own, so a change shows everywhere within the lifetime. Bounded: past the capacity
/// the expired answers go, and if none has expired, all do.
final class PublicCache<Value: Sendable>: Sendable {
    static var capacity: Int { 50_000 }

    private struct Entry {
        let value: Value?
        let at: Date
    }

    let lifetime: TimeInterval
    private let entries = NIOLockedValueBox<[String: Entry]>([:])

    init(lifetime: TimeInterval) {
        self.lifetime = lifetime
    }

    func value(for key: String, now: Date = Date(), compute: () async throws -> Value?) async throws -> Value? {
        if lifetime > 0, let entry = entries.withLockedValue({ $0[key] }), now.timeIntervalSince(entry.at) < lifetime {
            return entry.value
        }
        let value = try await compute()
        guard lifetime > 0 else { return value }
        entries.withLockedValue { entries in
            if entries.count >= Self.capacity {
                entries = entries.filter { now.timeIntervalSince($0.value.at) < lifetime }
                if entries.count >= Self.capacity { entries = [:] }
            }
            entries[key] = Entry(value: value, at: now)
        }
        return value
    }
}
