import DanVanCore

extension Array where Element == OrgUnit {
    /// Active units first, then by name as a Vietnamese reader alphabetises
    /// ("Bản Bo" before "Bình Lư", which raw Unicode order reverses).
    func sortedForDisplay(on date: CivilDate = Today.date) -> [OrgUnit] {
        map { (unit: $0, active: $0.isActive(on: date), key: VietnameseFolding.fold($0.name)) }
            .sorted { ($0.active ? 0 : 1, $0.key) < ($1.active ? 0 : 1, $1.key) }
            .map(\.unit)
    }
}
