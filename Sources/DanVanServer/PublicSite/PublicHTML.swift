import DanVanCore
import Foundation

/// The public pages, built with the escaping builder: small, readable without script, on a phone.
enum PublicHTML {
    static func page(title: String, stylesheet: String, feed: String? = nil, @HTMLBuilder body: () -> HTML) -> HTML {
        HTML.document(lang: "vi", head: {
            HTML.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
            el("title") { title }
            HTML.void("link", ["rel": "stylesheet", "href": stylesheet])
            if let feed { HTML.void("link", ["rel": "alternate", "type": "application/atom+xml", "title": "Tin công khai mới", "href": feed]) }
        }) {
            el("main", ["class": "public"]) { body() }
        }
    }

    static func unit(_ view: PublicUnitView, stylesheet: String) -> HTML {
        page(title: view.name + " · Thông tin công khai", stylesheet: stylesheet, feed: SiteRoute.publicFeed(view.code).path) {
            el("header", ["class": "card"]) {
                el("p", ["class": "meta"]) { "Trang thông tin công khai" }
                el("h1") { view.name }
                el("p") {
                    el("a", ["href": SiteRoute.publicSend(view.code).path]) { "Gửi kiến nghị, phản ánh" }
                    " · "
                    el("a", ["href": SiteRoute.track.path]) { "Tra cứu kết quả giải quyết" }
                }
            }
            if !view.notices.isEmpty { notices(view.notices) }
            if !view.plans.isEmpty {
                section("Kế hoạch đã ban hành") {
                    el("ul") { HTML.joined(view.plans.map { plan in
                        el("li") {
                            el("a", ["href": SiteRoute.publicPlan(view.code, plan.id).path]) { plan.title }
                            if let issued = plan.issuedOn { el("span", ["class": "meta"]) { " · ban hành ngày \(issued)" } }
                        }
                    }) }
                }
            }
            if let period = view.targetsPeriod, !view.targets.isEmpty {
                section("Kết quả thực hiện chỉ tiêu · \(period)") {
                    el("ul") { HTML.joined(view.targets.map { target in
                        el("li") {
                            el("strong", ["class": target.met ? nil : "late"]) { target.status }
                            " · \(target.text)"
                            HTML.void("br")
                            el("span", ["class": "meta"]) { target.explanation }
                        }
                    }) }
                }
            }
            if !view.models.isEmpty {
                section("Mô hình \"Dân vận khéo\" được công nhận") {
                    el("ul") { HTML.joined(view.models.map { m in
                        el("li") { m.name; el("span", ["class": "meta"]) { " · \(m.field) · năm \(m.year) · \(m.recognition)" } }
                    }) }
                }
            }
            if !view.consultations.isEmpty { consultations(view.consultations) }
            if !view.dialogues.isEmpty { dialogues(view.dialogues) }
            if !view.below.isEmpty {
                section("Đơn vị trực thuộc") {
                    el("ul") { HTML.joined(view.below.map { link in
                        el("li") {
                            el("a", ["href": SiteRoute.publicUnit(link.code).path]) { link.name }
                            if let onTime = link.onTime { el("span", ["class": "meta"]) { " · công khai đúng hạn \(onTime)" } }
                        }
                    }) }
                }
            }
            if view.notices.isEmpty && view.plans.isEmpty && view.dialogues.isEmpty && view.below.isEmpty && view.consultations.isEmpty && view.models.isEmpty {
                el("p", ["class": "meta"]) { "Đơn vị chưa có nội dung công khai." }
            }
            el("footer", ["class": "meta"]) {
                "Cập nhật đến ngày \(view.today.vietnamese). "
                el("a", ["href": SiteRoute.publicFeed(view.code).path]) { "Theo dõi tin mới (Atom)" }
            }
        }
    }

    private static func section(_ heading: String, @HTMLBuilder body: () -> HTML) -> HTML {
        el("section", ["class": "card"]) {
            el("h2") { heading }
            body()
        }
    }

    private static func notices(_ lines: [PublicUnitView.NoticeLine]) -> HTML {
        section("Đang công khai") {
            HTML.joined(lines.map { n in
                el("div", ["class": "item"]) {
                    el("p") { el("strong") { n.title } }
                    el("p", ["class": "meta"]) {
                        [n.item, n.period, n.document, n.span].compactMap { $0 }.joined(separator: " · ")
                    }
                    el("p", ["class": "meta"]) { "Hình thức: \(n.forms)" }
                }
            })
        }
    }

    private static func consultations(_ lines: [PublicUnitView.ConsultationResult]) -> HTML {
        section("Nhân dân bàn, quyết định và góp ý") {
            HTML.joined(lines.map { c in
                el("div", ["class": "item"]) {
                    el("p") { el("strong") { c.subject } }
                    el("p", ["class": "meta"]) { [c.kind, c.village, c.span].compactMap { $0 }.joined(separator: " · ") }
                    if let outcome = c.outcome { el("p") { outcome } }
                    el("p", ["class": "meta"]) { "Công khai kết quả ngày \(c.publishedOn)" }
                }
            })
        }
    }

    private static func dialogues(_ lines: [PublicUnitView.DialogueLine]) -> HTML {
        section("Đối thoại với Nhân dân") {
            HTML.joined(lines.map { d in
                el("div", ["class": "item"]) {
                    el("p") {
                        el("strong") { d.topic }
                        el("span", ["class": "meta"]) { d.upcoming ? " · dự kiến ngày \(d.heldOn)" : " · ngày \(d.heldOn)" }
                    }
                    if let results = d.results { el("p") { "Kết quả: \(results)" } }
                }
            })
        }
    }

    static func plan(_ plan: PublicPlanView, stylesheet: String) -> HTML {
        page(title: plan.title + " · " + plan.unitName, stylesheet: stylesheet) {
            el("p", ["class": "meta"]) { el("a", ["href": SiteRoute.publicUnit(plan.unitCode).path]) { "‹ \(plan.unitName)" } }
            el("article", ["class": "card"]) {
                el("h1") { plan.title }
                if let issued = plan.issuedOn { el("p", ["class": "meta"]) { "Ban hành ngày \(issued)" } }
                el("p") { el("a", ["href": SiteRoute.publicPlanDocx(plan.unitCode, plan.id).path]) { "Tải văn bản (Word)" } }
                if !plan.targets.isEmpty {
                    el("h2") { "Chỉ tiêu" }
                    el("ol") { HTML.joined(plan.targets.map { t in el("li") { t } }) }
                }
                if !plan.tasks.isEmpty {
                    el("h2") { "Nhiệm vụ" }
                    el("ol") { HTML.joined(plan.tasks.map { t in
                        el("li") {
                            t.text
                            if let when = t.when { el("span", ["class": "meta"]) { " · \(when)" } }
                        }
                    }) }
                }
            }
        }
    }
}
