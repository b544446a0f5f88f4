/// How long a mail the relay did not take waits before the next try, and when DanVan gives up
/// on it: a relay down for a night loses nothing, a mail the relay refuses for good stops
/// being tried after a day and is shown to the administrator as failed.
public enum MailRetry {
    public static let maxAttempts = 8

    /// Seconds to wait after the `attempts`-th failed try: 1, 2, 5, 15, 30 minutes, then 2, 6 hours.
    public static func delay(afterAttempts attempts: Int) -> Double {
        let minutes = [1, 2, 5, 15, 30, 120, 360]
        return Double(minutes[min(max(attempts, 1), minutes.count) - 1] * 60)
    }

    public static func givesUp(afterAttempts attempts: Int) -> Bool {
        attempts >= maxAttempts
    }
}
