import DanVanCore
import Foundation

/// The form to send a recommendation or a report from a public page, and its receipt.
enum PublicSendHTML {
    static func form(unit: OrgUnit, action: String, csrf: String, values: PublicSubmission.Input, errors: FormErrors, stylesheet: String) -> HTML {
        PublicHTML.page(title: "Gửi kiến nghị, phản ánh · \(unit.name)", stylesheet: stylesheet) {
            el("p", ["class": "meta"]) { el("a", ["href": SiteRoute.publicUnit(unit.code).path]) { "‹ \(unit.name)" } }
            el("section", ["class": "card narrow"]) {
                el("h1") { "Gửi kiến nghị, phản ánh" }
                el("p", ["class": "meta"]) {
                    "Gửi đến \(unit.name). Họ tên và cách liên hệ của bạn chỉ cán bộ giải quyết được xem, không hiển thị công khai. "
                    "Khiếu nại, tố cáo xin gửi đơn hoặc đến trụ sở tiếp công dân."
                }
                if let summary = errors.summary { el("p", ["class": "alert", "role": "alert"]) { summary } }
                el("form", ["method": "post", "action": action, "class": "form"]) {
                    HTML.void("input", ["type": "hidden", "name": "_csrf", "value": csrf])
                    el("label", ["class": "trap", "aria-hidden": "true"]) {
                        "Để trống ô này"
                        HTML.void("input", ["name": "website", "value": "", "tabindex": "-1", "autocomplete": "off"])
                    }
                    el("fieldset") {
                        el("legend") { "Loại" }
                        for (value, label) in [("recommendation", "Kiến nghị"), ("report", "Phản ánh")] {
                            el("label", ["class": "check"]) {
                                HTML.void("input", ["type": "radio", "name": "kind", "value": value, "checked": values.kind == value || (values.kind.isEmpty && value == "recommendation") ? "" : nil])
                                " \(label)"
                            }
                        }
                    }
                    fieldError(errors, "kind")
                    el("label") { "Tóm tắt"; HTML.void("input", ["name": "subject", "value": values.subject, "maxlength": "300", "required": ""]) }
                    fieldError(errors, "subject")
                    el("label") {
                        "Nội dung (tối đa \(PublicSubmission.messageLimit) ký tự, không kèm đường dẫn web)"
                        el("textarea", ["name": "content", "rows": "6", "maxlength": String(PublicSubmission.messageLimit)]) { values.content }
                    }
                    fieldError(errors, "content")
                    el("label") { "Họ và tên"; HTML.void("input", ["name": "name", "value": values.name, "maxlength": "300", "required": "", "autocomplete": "name"]) }
                    fieldError(errors, "name")
                    el("label") { "Số điện thoại hoặc thư điện tử"; HTML.void("input", ["name": "contact", "value": values.contact, "maxlength": "300", "autocomplete": "tel"]) }
                    el("label") { "Địa chỉ"; HTML.void("input", ["name": "address", "value": values.address, "maxlength": "1000"]) }
                    fieldError(errors, "contact")
                    el("button", ["type": "submit"]) { "Gửi" }
                }
            }
        }
    }

    private static func fieldError(_ errors: FormErrors, _ field: String) -> HTML {
        guard let message = errors.byField[field] else { return .empty }
        return el("p", ["class": "field-error"]) { message }
    }

    static func receipt(unit: OrgUnit, code: String, due: String?, stylesheet: String) -> HTML {
        PublicHTML.page(title: "Đã gửi · \(unit.name)", stylesheet: stylesheet) {
            el("section", ["class": "card narrow"]) {
                el("h1") { "Đã gửi đến \(unit.name)" }
                el("p") { "Mã tra cứu của bạn: "; el("strong", ["class": "code"]) { code } }
                el("p", ["class": "meta"]) { "Hãy ghi lại mã này để theo dõi kết quả giải quyết." + (due.map { " Hạn xử lý: \($0)." } ?? "") }
                el("p") { el("a", ["href": SiteRoute.track.path + "?code=" + code]) { "Tra cứu ngay" } }
            }
        }
    }
}
