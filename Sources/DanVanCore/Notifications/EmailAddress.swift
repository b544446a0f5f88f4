/// An e-mail address as an account may hold one: one "@", a dotted domain, no spaces or
/// characters a mail header could be broken with. Not every address RFC 5321 allows, but every
/// address an office uses.
public struct EmailAddress: Sendable, Equatable, CustomStringConvertible {
    public let value: String

    public var description: String { value }

    public static func parse(_ raw: String, field: String = "email") -> Result<EmailAddress, ValidationIssue> {
        let text = raw.trimmingCharacters(in: .whitespaces)
        func refuse(_ why: String) -> Result<EmailAddress, ValidationIssue> {
            .failure(ValidationIssue(field: field, message: "Địa chỉ thư \"\(FreeText.printable(text))\" không hợp lệ: \(why)."))
        }
        guard text.utf8.count <= 254 else { return refuse("dài quá 254 ký tự") }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return refuse("phải có đúng một ký tự @") }
        let local = parts[0], domain = parts[1].lowercased()
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        guard !local.isEmpty, local.count <= 64, local.allSatisfy(localAllowed.contains),
              !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            return refuse("phần trước @ chỉ gồm chữ không dấu, chữ số và . _ - +")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let labelAllowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-")
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 && $0.allSatisfy(labelAllowed.contains)
                                                     && !$0.hasPrefix("-") && !$0.hasSuffix("-") }),
              labels.last.map({ $0.count >= 2 && !$0.allSatisfy(\.isNumber) }) == true else {
            return refuse("tên miền sau @ phải có dạng ten-mien.vn")
        }
        return .success(EmailAddress(value: "\(local)@\(domain)"))
    }

    private init(value: String) {
        self.value = value
    }
}
