import DanVanCore

/// The dashboard's body as HTML, built once per report generation: a cached page then costs
/// only its layout. Every figure shown in a chart is also in a table.
enum DashboardHTML {
    static func body(_ page: DashboardPage, periods: [ReportPeriod], years: [Int] = [], today: CivilDate = Today.date) -> HTML {
        let link = DashboardLink(period: page.period, indicatorID: page.indicator?.id, includeSubmitted: page.includesSubmitted)
        return el("div", ["class": "bar"]) {
            el("h1") { page.unitName }
            el("span", ["class": "tag"]) { page.period.label + (page.includesSubmitted ? " · tính cả báo cáo chưa duyệt" : "") }
            el("a", ["class": "button", "href": link.href(.reviewReportDocx(page.unitCode)), "download": ""]) {
                "\(reviewLabel(page.period)) (Word)"
            }
        } + yearLinks(page, years: years, today: today) + controls(page, periods: periods) + targets(page, link: link) + children(page, link: link)
            + trend(page) + completeness(page, link: link)
    }

    /// "Năm: 2026 · 2025 · …": another year opens on its last month so far (a past year: the whole year).
    private static func yearLinks(_ page: DashboardPage, years: [Int], today: CivilDate) -> HTML {
        guard years.count > 1 else { return .empty }
        return el("p", ["class": "years"]) {
            "Năm: "
            for (index, year) in years.enumerated() {
                if index > 0 { " · " }
                if year == page.period.year {
                    el("strong") { String(year) }
                } else {
                    let period = year == today.year && today.month > 1
                        ? ReportPeriod(frequency: .month, year: year, index: today.month - 1)
                        : ReportPeriod(frequency: .year, year: year, index: 1)
                    el("a", ["href": DashboardLink(period: period ?? page.period, indicatorID: nil, includeSubmitted: page.includesSubmitted)
                        .href(.dashboard(page.unitCode))]) { String(year) }
                }
            }
        }
    }

    private static func controls(_ page: DashboardPage, periods: [ReportPeriod]) -> HTML {
        el("form", ["method": "get", "class": "filters card"]) {
            el("label") {
                "Kỳ "
                el("select", ["name": "period"]) {
                    for period in periods {
                        el("option", ["value": period.code, "selected": period == page.period ? "" : nil]) { period.label }
                    }
                }
            }
            if !page.indicators.isEmpty {
                el("label") {
                    "Chỉ tiêu "
                    el("select", ["name": "indicator"]) {
                        for indicator in page.indicators {
                            el("option", ["value": String(indicator.id), "selected": indicator.id == page.indicator?.id ? "" : nil]) {
                                indicator.name.clippedAtWord(80)
                            }
                        }
                    }
                }
            }
            el("label", ["class": "check"]) {
                HTML.void("input", ["type": "checkbox", "name": "submitted", "value": "1", "checked": page.includesSubmitted ? "" : nil])
                " Tính cả báo cáo đã gửi chưa duyệt"
            }
            el("button", ["type": "submit"]) { "Xem" }
        }
    }

    /// Which reports a figure comes from: those whose period ends in the last month, cumulative from January.
    static func sourceNote(_ period: ReportPeriod) -> String {
        let end = "\(period.lastMonth)/\(period.year)"
        let prefix = period.frequency == .month ? "Số liệu" : "\(period.label): số liệu"
        return "\(prefix) lũy kế từ đầu năm đến hết tháng \(end), lấy từ báo cáo có kỳ kết thúc tháng \(end) của từng đơn vị (không cộng các kỳ với nhau)."
    }

    private static func targets(_ page: DashboardPage, link: DashboardLink) -> HTML {
        let met = page.targets.filter { $0.evaluation.status == .met }.count
        return el("section", ["class": "card"]) {
            el("h2") { "Chỉ tiêu (\(met)/\(page.targets.count) đạt)" }
            el("p", ["class": "hint"]) { sourceNote(page.period) }
            if page.targets.isEmpty {
                el("p") { "Chưa có chỉ tiêu nào gắn với chỉ số để đánh giá ở đơn vị này." }
            } else {
                el("table", ["class": "stack"]) {
                    el("thead") { el("tr") { el("th") { "Chỉ tiêu" }; el("th") { "Kế hoạch" }; el("th") { "Số liệu" }; el("th") { "Đánh giá" } } }
                    el("tbody") {
                        for target in page.targets {
                            el("tr") {
                                el("td") { target.text }
                                el("td") { target.planLabel }
                                el("td") {
                                    el("a", ["href": link.with(indicator: target.indicatorID).href(.dashboard(page.unitCode)) + "#don-vi"]) {
                                        target.evaluation.explanation
                                    }
                                }
                                el("td") { status(target.evaluation.status) }
                            }
                        }
                    }
                }
                el("p") { el("a", ["href": link.href(.dashboardTargetsXlsx(page.unitCode))]) { "Tải bảng (Excel)" } }
            }
        }
    }

    /// "Tải báo cáo sơ kết" in June, "Tải báo cáo tổng kết" for the year, else "Tải báo cáo kết quả".
    private static func reviewLabel(_ period: ReportPeriod) -> String {
        switch ReviewWording(period: period).kind {
        case .interim: "Tải báo cáo sơ kết"
        case .final: "Tải báo cáo tổng kết"
        case .periodic: "Tải báo cáo kết quả"
        }
    }

    private static func children(_ page: DashboardPage, link: DashboardLink) -> HTML {
        guard let indicator = page.indicator else { return .empty }
        let bars = page.children.map { child in
            SVGChart.Bar(label: child.name, value: HeadlineFigure.percent(child.value), href: link.href(.dashboard(child.code)),
                         tone: child.status.map(tone) ?? "")
        }
        return el("section", ["class": "card", "id": "don-vi"]) {
            el("h2") { "\(indicator.name) theo đơn vị trực thuộc" }
            if page.children.isEmpty {
                el("p") { "Đơn vị không có đơn vị trực thuộc." }
            } else {
                SVGChart.horizontalBars(bars, target: page.indicatorTarget.flatMap { $0.value }, percent: indicator.kind != .count,
                                        title: indicator.name)
                el("div", ["class": "scroll"]) { childrenTable(page, indicator: indicator, link: link) }
                downloads(xlsx: link.href(.dashboardChildrenXlsx(page.unitCode)), csv: link.href(.dashboardChildrenCSV(page.unitCode)))
            }
        }
    }

    private static func childrenTable(_ page: DashboardPage, indicator: RollupResult.Indicator, link: DashboardLink) -> HTML {
        el("table") {
            el("thead") {
                el("tr") {
                    el("th") { "Đơn vị" }
                    el("th") { indicator.kind == .ratio ? "Tử số / mẫu số" : "Số liệu" }
                    el("th") { "Đơn vị báo cáo" }
                    el("th") { "Kết quả" }
                    el("th") { "Đánh giá" }
                }
            }
            el("tbody") {
                for child in page.children {
                    el("tr") {
                        el("td") { el("a", ["href": link.href(.dashboard(child.code))]) { child.name } }
                        el("td", ["class": "num"]) { child.totals.reporting > 0 ? figures(child.totals, kind: indicator.kind) : "—" }
                        el("td", ["class": "num"]) { String(child.totals.reporting) }
                        el("td", ["class": "num"]) { HeadlineFigure.shown(child.value) }
                        el("td") { child.status.map(status) ?? .empty }
                    }
                }
            }
        }
    }

    private static func figures(_ totals: RollupTotals, kind: IndicatorKind) -> String {
        switch kind {
        case .ratio: "\(totals.numerator)/\(totals.denominator)"
        case .childCoverage where totals.childrenCounted > 0: "\(totals.childrenMeeting)/\(totals.childrenCounted) đơn vị"
        default: "\(totals.numerator)"
        }
    }

    private static func trend(_ page: DashboardPage) -> HTML {
        guard let indicator = page.indicator, !page.trend.isEmpty else { return .empty }
        let points = page.trend.map { (label: $0.label, value: HeadlineFigure.percent($0.value)) }
        return el("section", ["class": "card"]) {
            el("h2") { "Diễn biến năm \(page.period.year)" }
            SVGChart.trend(points, target: page.indicatorTarget?.value, percent: indicator.kind != .count, title: "Diễn biến \(indicator.name)")
            el("div", ["class": "scroll"]) {
                el("table", ["class": "compact trend-table"]) {
                    el("thead") { el("tr") { for point in points { el("th", ["scope": "col"]) { point.label } } } }
                    el("tbody") { el("tr") { for point in page.trend { el("td", ["class": "num"]) { HeadlineFigure.shown(point.value) } } } }
                }
            }
            if indicator.kind == .childCoverage {
                el("p", ["class": "hint"]) { "Theo tháng: tỷ lệ mọi đơn vị cấp dưới có báo cáo đạt mức yêu cầu." }
            }
        }
    }

    private static func completeness(_ page: DashboardPage, link: DashboardLink) -> HTML {
        let total = page.completeness.total
        return el("section", ["class": "card", "id": "tien-do"]) {
            el("h2") { "Tình hình báo cáo \(page.period.label)" }
            if total.expected == 0 {
                el("p") { "Không có đơn vị nào phải báo cáo kỳ này." }
            } else {
                el("p", ["class": "summary"]) {
                    el("strong") { "\(total.submitted)/\(total.expected)" }
                    " báo cáo đã gửi (\(total.submittedPercent ?? 0)%) · \(total.approved) đã duyệt · \(total.onTime) đúng hạn · \(total.late) muộn · "
                    el("strong") { "\(total.missing) chưa gửi" }
                }
                el("div", ["class": "scroll"]) { completenessTable(page, link: link) }
                missing(page)
                downloads(xlsx: link.href(.dashboardCompletenessXlsx(page.unitCode)), csv: link.href(.dashboardCompletenessCSV(page.unitCode)))
            }
        }
    }

    /// One row per unit below, the unit's own report first and the total last, so the rows add up to the summary.
    private static func completenessTable(_ page: DashboardPage, link: DashboardLink) -> HTML {
        let total = page.completeness.total
        let below = page.completeness.children.reduce(CompletenessCounts()) { $0 + $1.counts }
        let own = CompletenessCounts(expected: total.expected - below.expected, submitted: total.submitted - below.submitted,
                                     approved: total.approved - below.approved, onTime: total.onTime - below.onTime, late: total.late - below.late)
        return el("table") {
            el("thead") {
                el("tr") {
                    for heading in ["Đơn vị", "Phải báo cáo", "Đã gửi", "Đã duyệt", "Đúng hạn", "Muộn", "Chưa gửi"] { el("th") { heading } }
                }
            }
            el("tbody") {
                if own.expected > 0 {
                    completenessRow(el("span") { "\(page.unitName) (báo cáo của đơn vị)" }, own)
                }
                for line in page.completeness.children {
                    completenessRow(el("a", ["href": link.href(.dashboard(line.code)) + "#tien-do"]) { line.name }, line.counts)
                }
            }
            el("tfoot") { completenessRow(el("strong") { "Cộng" }, total) }
        }
    }

    private static func completenessRow(_ name: HTML, _ counts: CompletenessCounts) -> HTML {
        el("tr") {
            el("td") { name }
            for count in [counts.expected, counts.submitted, counts.approved, counts.onTime, counts.late] {
                el("td", ["class": "num"]) { String(count) }
            }
            el("td", ["class": counts.missing > 0 ? "num warn" : "num"]) { String(counts.missing) }
        }
    }

    private static func missing(_ page: DashboardPage) -> HTML {
        guard !page.completeness.missing.isEmpty else { return .empty }
        let total = page.completeness.total.missing
        let listed = page.completeness.missing.prefix(missingShown)
        let more = listed.count < total ? ", hiện \(listed.count); mở từng đơn vị bên trên để xem tiếp" : ""
        return el("h3") { "Chưa gửi báo cáo (\(total)\(more))" } + el("ul", ["class": "missing"]) {
            for unit in listed {
                el("li") {
                    el("a", ["href": SiteRoute.report(unit.code).path + "?period=" + page.period.code]) { unit.name }
                    unit.state.map { " · \($0.label.firstLetterLowercased)" } ?? " · chưa bắt đầu"
                }
            }
        }
    }

    private static func downloads(xlsx: String, csv: String) -> HTML {
        el("p") {
            "Tải bảng: "
            el("a", ["href": xlsx]) { "Excel" }
            " · "
            el("a", ["href": csv]) { "CSV" }
        }
    }

    private static func status(_ status: TargetEvaluation.Status) -> HTML {
        el("span", ["class": "status \(tone(status))"]) { status.label }
    }

    /// Enough to act on; the units below list the rest, so a province page stays small.
    static let missingShown = 40

    static func tone(_ status: TargetEvaluation.Status) -> String {
        switch status {
        case .met: "met"
        case .notMet: "not-met"
        case .noData: "no-data"
        }
    }
}
