/// How big a synthetic national dataset is. `national` is the country after the 2025 reform:
/// 34 provinces, about 3,300 communes, about 30 party cells or villages per commune.
struct NationalShape: Sendable {
    let provinces: Int
    let communes: Int
    let cellsPerCommune: ClosedRange<Int>
    let year: Int

    static let national = NationalShape(provinces: 34, communes: 3_321, cellsPerCommune: 20...40, year: 2025)
    /// Small enough for a test, shaped the same way.
    static let sample = NationalShape(provinces: 3, communes: 9, cellsPerCommune: 2...5, year: 2025)
}
