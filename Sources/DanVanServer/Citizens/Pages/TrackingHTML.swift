/// The public tracking page, built with the escaping builder: a small page of its own, without the
/// signed-in frame, cheap to render for anyone who asks.
enum TrackingHTML {
    static func render(_ page: TrackingPageController.TrackingPage, stylesheet: String) -> HTML {
        HTML.document(lang: "vi", head: {
            HTML.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
            el("title") { "Tra cứu kết quả giải quyết · DanVan" }
            HTML.void("link", ["rel": "stylesheet", "href": stylesheet])
        }) {
            el("main") {
                el("section", ["class": "card narrow"]) {
                    el("h1") { "Tra cứu kết quả giải quyết" }
                    el("form", ["method": "get", "action": page.action, "class": "form"]) {
                        el("label") {
                            "Mã tra cứu trên phiếu tiếp nhận"
                            HTML.void("input", ["name": "code", "value": page.typed, "maxlength": "20", "autocomplete": "off",
                                                "placeholder": "VD: K7PM-3QXR", "required": ""])
                        }
                        el("button", ["type": "submit"]) { "Tra cứu" }
                    }
                    if let message = page.message { el("p", ["class": "alert", "role": "alert"]) { message } }
                    if let found = page.found { details(found) }
                }
            }
        }
    }

    private static func details(_ found: TrackingPageController.Found) -> HTML {
        var rows: [(String, String)] = [("Mã", found.code), ("Cơ quan giải quyết", found.unitName), ("Ngày tiếp nhận", found.received),
                                        ("Tình trạng", found.status + (found.overdue ? " (quá hạn)" : ""))]
        if let due = found.due { rows.append(("Hạn giải quyết", due)) }
        if let answered = found.answered { rows.append(("Ngày có kết quả", answered)) }
        return el("dl") { HTML.joined(rows.map { term, value in el("dt") { term } + el("dd") { value } }) }
    }
}
