/// A unit's code: short, stable, safe in URLs and CSV files ("LC-TU", "TD-XA-BANHON").
public enum UnitCode {
    public static let maxLength = 40

    public static func issue(for code: String, field: String = "code") -> ValidationIssue? {
        if code.isEmpty {
            return ValidationIssue(field: field, message: "Mã đơn vị là bắt buộc.")
        }
        if code.count > maxLength {
            return ValidationIssue(field: field, message: "Mã đơn vị dài \(code.count) ký tự, tối đa \(maxLength).")
        }
        let allowed = code.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar))
        }
        if !allowed {
            return ValidationIssue(field: field, message: "Mã đơn vị \"\(code)\" chỉ được chứa chữ cái không dấu, chữ số và các dấu - _ .")
        }
        if reserved.contains(code.lowercased()) {
            return ValidationIssue(field: field, message: "Mã \"\(code)\" trùng với tên trang của hệ thống; hãy chọn mã khác.")
        }
        return nil
    }

    /// Words the web application uses in its own addresses under /units/.
    static let reserved: Set<String> = ["new", "import", "export.csv"]
}
