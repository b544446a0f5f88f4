/// Whether an upper plan's task falls to the level below, so that a lower plan implementing
/// it should carry a counterpart. A task led by a named body of the upper level ("Ban Dân vận
/// Huyện ủy chủ trì") is that body's own; one addressed to the units below ("các chi, đảng bộ
/// trực thuộc", "Đảng ủy các xã") or to no one in particular falls to every unit below.
public enum TaskAddressee {
    /// Folded words naming the units below. "Các cơ quan, đơn vị liên quan", the catch-all
    /// of coordination columns, is not among them.
    private static let lowerLevelWords = ["cac xa", "cac phuong", "cac dang uy", "cac cap uy", "cac chi bo", "chi, dang bo", "cac dang bo", "truc thuoc", "co so",
                                          "cap xa", "cac cap", "cac thon", "cac ban,", "cap uy"]

    /// `leadNames` and `coordinatingNames` as the plan writes them; `namesLowerUnit` says
    /// whether a name is the lower unit itself (matched by the caller against the unit tree).
    public static func fallsToLowerLevel(leadNames: [String], coordinatingNames: [String], namesLowerUnit: (String) -> Bool = { _ in false }) -> Bool {
        if leadNames.isEmpty { return true }
        let names = leadNames + coordinatingNames
        if names.contains(where: namesLowerUnit) { return true }
        return names.contains { name in
            let folded = VietnameseFolding.fold(name)
            return lowerLevelWords.contains { folded.contains($0) }
        }
    }
}
