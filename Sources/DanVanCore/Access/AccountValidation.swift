import Foundation

/// What a user account's fields must look like.
public enum AccountValidation {
    public static let minPasswordLength = 8

    public static func usernameIssue(_ username: String) -> ValidationIssue? {
        let ok = (3...40).contains(username.count) && username.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
        guard !ok else { return nil }
        return ValidationIssue(field: "username",
                               message: "Tên đăng nhập \"\(username)\" phải dài 3–40 ký tự, gồm chữ thường không dấu, chữ số và . _ -")
    }

    public static func passwordIssue(_ password: String) -> ValidationIssue? {
        guard password.count < minPasswordLength else { return nil }
        return ValidationIssue(field: "password", message: "Mật khẩu phải có ít nhất \(minPasswordLength) ký tự.")
    }

    public static func fullNameIssue(_ name: String) -> ValidationIssue? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return ValidationIssue(field: "fullName", message: "Họ và tên là bắt buộc.") }
        if trimmed.count > 120 { return ValidationIssue(field: "fullName", message: "Họ và tên dài \(trimmed.count) ký tự, tối đa 120.") }
        return nil
    }

    public static func role(_ raw: String) -> Result<Role, ValidationIssue> {
        guard let role = Role(rawValue: raw) else {
            let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(ValidationIssue(field: "role", message: "Vai trò \"\(raw)\" không tồn tại; chọn một trong: \(known)."))
        }
        return .success(role)
    }
}
