import Foundation

/// Runs `read` for the next few items on other cores while `body` handles the current one,
/// keeping the items' order. Importing a folder is reading (CPU) then storing (mostly waiting
/// on the database); overlapping the two is most of the speed of a large import.
enum ReadAhead {
    static var defaultLookahead: Int { max(2, ProcessInfo.processInfo.activeProcessorCount * 2) }

    static func forEach<Item: Sendable>(_ count: Int, lookahead: Int = defaultLookahead,
                                        read: @escaping @Sendable (Int) -> Item,
                                        body: (Int, Item) async throws -> Void) async throws {
        var pending: [Task<Item, Never>] = []
        var next = 0
        func schedule() {
            while pending.count < lookahead, next < count {
                let index = next
                pending.append(Task.detached { read(index) })
                next += 1
            }
        }
        defer { pending.forEach { $0.cancel() } }
        schedule()
        var index = 0
        while !pending.isEmpty {
            let item = await pending.removeFirst().value
            schedule()
            try await body(index, item)
            index += 1
        }
    }
}
