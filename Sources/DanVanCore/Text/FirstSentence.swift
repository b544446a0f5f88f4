import Foundation

extension String {
    /// The first sentence, without its full stop: how a list or a report names a plan's long
    /// paragraph ("Tăng cường công tác tuyên truyền. Trọng tâm là ..." → "Tăng cường công tác tuyên truyền").
    public var firstSentence: String {
        let sentence = range(of: ". ").map { String(self[..<$0.lowerBound]) } ?? self
        let trimmed = sentence.trimmingCharacters(in: .whitespaces)
        return trimmed.hasSuffix(".") ? String(trimmed.dropLast()) : trimmed
    }
}
