import Foundation
import NIOConcurrencyHelpers

/// Requests per address in a sliding window, kept in this server's memory: a public lookup
/// writes nothing to the database, so the public pages stay cheap under load. The window is
/// estimated from two fixed windows (the current count plus the previous one weighted by how
/// much of it still overlaps), so each request costs the same however many came before it.
/// Behind several app servers each counts its own, so one address gets at most the limit times
/// the servers.
final class PublicRateLimit: Sendable {
    static let capacity = 100_000

    struct Counter {
        var start: Date
        var current: Int
        var previous: Int

        /// Moves the fixed window forward to the one holding `now`.
        mutating func advance(to now: Date, window: TimeInterval) {
            let elapsed = now.timeIntervalSince(start)
            guard elapsed >= window else { return }
            let windows = (elapsed / window).rounded(.down)
            previous = windows == 1 ? current : 0
            current = 0
            start = start.addingTimeInterval(windows * window)
        }

        func estimate(at now: Date, window: TimeInterval) -> Double {
            let overlap = max(0, 1 - now.timeIntervalSince(start) / window)
            return Double(previous) * overlap + Double(current)
        }
    }

    private let counters = NIOLockedValueBox<[String: Counter]>([:])

    func allow(_ address: String, limit: Int, window: TimeInterval, now: Date = Date()) -> Bool {
        counters.withLockedValue { counters in
            if counters.count > Self.capacity {
                counters = counters.filter { now.timeIntervalSince($0.value.start) < 2 * window }
            }
            var counter = counters[address] ?? Counter(start: now, current: 0, previous: 0)
            counter.advance(to: now, window: window)
            guard counter.estimate(at: now, window: window) < Double(limit) else {
                counters[address] = counter
                return false
            }
            counter.current += 1
            counters[address] = counter
            return true
        }
    }
}
