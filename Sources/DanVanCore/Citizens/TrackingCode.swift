/// The code a citizen is given to follow a matter: eight characters in two groups ("K7PM-3QXR"),
/// from an alphabet without the letters and digits people confuse over the phone (0/O, 1/I/L)
/// or that sound alike in Vietnamese reading; about 10¹¹ codes, so guessing one is hopeless
/// under the tracking page's rate limit.
public enum TrackingCode {
    public static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    public static let length = 8

    public static func make<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let symbols = (0..<length).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] }
        return String(symbols[0..<4]) + "-" + String(symbols[4...])
    }

    public static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return make(using: &generator)
    }

    /// The code as stored, from what a person typed (lower case, spaces, a missing dash), or nil
    /// when it cannot be a code at all.
    public static func normalized(_ typed: String) -> String? {
        let symbols = typed.uppercased().filter { !$0.isWhitespace && $0 != "-" }
        guard symbols.count == length, symbols.allSatisfy(alphabet.contains) else { return nil }
        return String(symbols.prefix(4)) + "-" + String(symbols.suffix(4))
    }
}
