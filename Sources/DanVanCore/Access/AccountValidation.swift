import Foundation

/// What a user account's fields must look like.
public enum AccountValidation {
    public static let minPasswordLength = 8
    /// Bcrypt reads 72 bytes and ignores the rest silently: a longer password is refused rather
    /// than cut without a word.
    public static let maxPasswordBytes = 72

    public static func usernameIssue(_ username: String) -> ValidationIssue? {
        let ok = (3...40).contains(username.count) && username.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
        }
        guard !ok else { return nil }
        return ValidationIssue(field: "username",
                               message: "Tên đăng nhập \"\(username)\" phải dài 3–40 ký tự, gồm chữ thường không dấu, chữ số và . _ -")
    }

    /// Why a new password protects too little, or nil: too short or too long, control
    /// characters, blank, one character repeated, a run on the keyboard or the alphabet, a common
    /// password, or the account's own name.
    public static func passwordIssue(_ password: String, field: String = "password", username: String? = nil) -> ValidationIssue? {
        let message: String? = if password.count < minPasswordLength {
            "Mật khẩu phải có ít nhất \(minPasswordLength) ký tự."
        } else if password.utf8.count > maxPasswordBytes {
            "Mật khẩu dài \(password.utf8.count) byte, tối đa \(maxPasswordBytes) byte (chữ có dấu tính 2–3 byte)."
        } else if password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            "Mật khẩu có ký tự điều khiển (như Tab hoặc ký tự rỗng); hãy gõ lại."
        } else if password.trimmingCharacters(in: .whitespaces).isEmpty {
            "Mật khẩu không được chỉ có khoảng trắng."
        } else if Set(password).count <= 2 || isRun(password) {
            "Mật khẩu quá dễ đoán (một ký tự lặp lại hoặc một dãy liền nhau); hãy dùng chữ, số và ký hiệu xen nhau."
        } else if CommonPasswords.list.contains(password.lowercased()) {
            "Mật khẩu này nằm trong danh sách mật khẩu phổ biến bị lộ; hãy chọn mật khẩu khác."
        } else if let username, username.count >= 3, password.lowercased().contains(username.lowercased()) {
            "Mật khẩu không được chứa tên đăng nhập."
        } else {
            nil
        }
        return message.map { ValidationIssue(field: field, message: $0) }
    }

    /// Each character one step from the one before ("12345678", "abcdefgh", "87654321").
    private static func isRun(_ password: String) -> Bool {
        let values = password.lowercased().unicodeScalars.map { Int($0.value) }
        let steps = Set(zip(values, values.dropFirst()).map { $1 - $0 })
        return steps == [1] || steps == [-1]
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
