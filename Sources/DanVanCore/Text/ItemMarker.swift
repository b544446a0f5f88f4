/// The markers that open a list item: "- ", "– ", "+ ", "• ", "1.", "1.2.". A cheap test of the
/// first character decides whether the (costlier) patterns that strip them need to run.
public enum ItemMarker {
    public static func mayStart(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !$0.isFastWhitespace }) else { return false }
        return ("0"..."9").contains(first) || "-–+•".unicodeScalars.contains(first)
    }
}
