import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Values that only change when reported figures change (roll-ups, dashboard pages), kept
/// with the report generation they were computed at. A lookup with a newer generation misses,
/// so a submission or approval invalidates exactly what it must, on every server.
final class GenerationCache<Value: Sendable>: Sendable {
    private struct Entry {
        let generation: Int
        let value: Value
    }

    private let entries = NIOLockedValueBox<[String: Entry]>([:])
    /// Computations under way, so that thirty requests missing the same key wait for one.
    private let inFlight = NIOLockedValueBox<[String: Task<Value, any Error>]>([:])
    private let capacity: Int

    init(capacity: Int = 512) {
        self.capacity = capacity
    }

    func value(for key: String, generation: Int) -> Value? {
        entries.withLockedValue { entries in
            guard let entry = entries[key], entry.generation == generation else { return nil }
            return entry.value
        }
    }

    func store(_ value: Value, for key: String, generation: Int) {
        entries.withLockedValue { entries in
            if entries.count >= capacity {
                entries = entries.filter { $0.value.generation == generation }
                if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            }
            entries[key] = Entry(generation: generation, value: value)
        }
    }

    /// The cached value, or `compute`'s, stored under the generation read before computing so
    /// that a change made meanwhile is never hidden. Concurrent misses share one computation.
    func value(for key: String, on db: any Database, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        try await value(for: key, generation: try await ReportGeneration.current(on: db), compute: compute)
    }

    func value(for key: String, generation: Int, compute: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let cached = value(for: key, generation: generation) { return cached }
        let flightKey = "\(generation)|\(key)"
        let task = inFlight.withLockedValue { running in
            if let task = running[flightKey] { return task }
            let task = Task { try await compute() }
            running[flightKey] = task
            return task
        }
        defer { _ = inFlight.withLockedValue { $0.removeValue(forKey: flightKey) } }
        let fresh = try await task.value
        store(fresh, for: key, generation: generation)
        return fresh
    }
}

extension Application {
    private struct DashboardCacheKey: StorageKey {
        typealias Value = GenerationCache<HTML>
    }

    /// Dashboard page bodies, as HTML, by unit, period, indicator and switch. Made once in
    /// `configure`, since storage is not safe to write from several event loops.
    var dashboardCache: GenerationCache<HTML> {
        get { storage[DashboardCacheKey.self] ?? GenerationCache<HTML>(capacity: 1) }
        set { storage[DashboardCacheKey.self] = newValue }
    }

    private struct RollupCacheKey: StorageKey {
        typealias Value = GenerationCache<RollupResult>
    }

    /// Roll-ups by root, period and switch.
    var rollupCache: GenerationCache<RollupResult> {
        get { storage[RollupCacheKey.self] ?? GenerationCache<RollupResult>(capacity: 1) }
        set { storage[RollupCacheKey.self] = newValue }
    }

    private struct DashboardAccessCacheKey: StorageKey {
        typealias Value = GenerationCache<DashboardAccess>
    }

    /// A unit and its relation to a user's unit, by (user's unit, code). Moving, changing or
    /// ending a unit moves the generation, so a relation is never older than the tree.
    var dashboardAccessCache: GenerationCache<DashboardAccess> {
        get { storage[DashboardAccessCacheKey.self] ?? GenerationCache<DashboardAccess>(capacity: 1) }
        set { storage[DashboardAccessCacheKey.self] = newValue }
    }

    private struct ModelSummaryCacheKey: StorageKey {
        typealias Value = GenerationCache<ModelSummary>
    }

    /// "Dân vận khéo" summaries by unit, year and counting day; every change to the register
    /// moves the generation.
    var modelSummaryCache: GenerationCache<ModelSummary> {
        get { storage[ModelSummaryCacheKey.self] ?? GenerationCache<ModelSummary>(capacity: 1) }
        set { storage[ModelSummaryCacheKey.self] = newValue }
    }

    private struct ModelPageCacheKey: StorageKey {
        typealias Value = GenerationCache<String>
    }

    /// Bodies of the "Dân vận khéo" register page, rendered.
    var modelPageCache: GenerationCache<String> {
        get { storage[ModelPageCacheKey.self] ?? GenerationCache<String>(capacity: 1) }
        set { storage[ModelPageCacheKey.self] = newValue }
    }
}
