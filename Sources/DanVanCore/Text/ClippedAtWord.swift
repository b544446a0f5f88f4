extension StringProtocol {
    /// At most `limit` characters, cut at the last space before the limit and marked "…", so a
    /// quoted line never ends mid-word. Unchanged when it is short enough.
    public func clippedAtWord(_ limit: Int) -> String {
        guard count > limit else { return String(self) }
        let head = prefix(limit)
        let cut = head.lastIndex(of: " ").map { head[..<$0] } ?? head
        return String(cut).trimmingTrailingPunctuation + "…"
    }
}

private extension String {
    var trimmingTrailingPunctuation: String {
        var text = self
        while let last = text.last, last == " " || last == "," || last == ";" || last == ":" { text.removeLast() }
        return text
    }
}
