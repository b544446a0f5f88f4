import Foundation

extension KeyedDecodingContainer {
    /// A field as text whether it came as a string or a number (forms send strings, API clients
    /// numbers), or empty when absent or of another type: the use case names what is missing.
    func lenientText(_ key: Key) -> String {
        if let value = try? decodeIfPresent(String.self, forKey: key) { return value }
        if let value = try? decodeIfPresent(Int.self, forKey: key) { return String(value) }
        return ""
    }
}
