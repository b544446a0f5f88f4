import DanVanCore

/// The dashboard's body as HTML, built once per report generation: a cached page then costs
/// only its layout. Every figure shown in a chart is also in a table.
enum DashboardHTML {
    static func body(_ page: DashboardPage, periods: [ReportPeriod]) -> String {
        let link = DashboardLink(period: page.period, indicatorID: page.indicator?.id, includeSubmitted: page.includesSubmitted)
        var html = "<div class=\"bar\"><h1>\(e(page.unitName))</h1><span class=\"tag\">\(e(page.period.label))"
            + (page.includesSubmitted ? " · tính cả báo cáo chưa duyệt" : "") + "</span>"
            + "<a class=\"button\" href=\"\(e(link.href(.reviewReportDocx(page.unitCode))))\" download>"
            + "\(e(reviewLabel(page.period))) (Word)</a></div>"
        html += controls(page, periods: periods)
        html += targets(page, link: link)
        html += children(page, link: link)
        html += trend(page)
        html += completeness(page, link: link)
        return html
    }

    private static func controls(_ page: DashboardPage, periods: [ReportPeriod]) -> String {
        var html = "<form method=\"get\" class=\"filters card\"><label>Kỳ <select name=\"period\">"
        for period in periods {
            html += "<option value=\"\(period.code)\"\(period == page.period ? " selected" : "")>\(e(period.label))</option>"
        }
        html += "</select></label>"
        if !page.indicators.isEmpty {
            html += "<label>Chỉ tiêu <select name=\"indicator\">"
            for indicator in page.indicators {
                html += "<option value=\"\(indicator.id)\"\(indicator.id == page.indicator?.id ? " selected" : "")>\(e(String(indicator.name.prefix(80))))</option>"
            }
            html += "</select></label>"
        }
        html += "<label class=\"check\"><input type=\"checkbox\" name=\"submitted\" value=\"1\"\(page.includesSubmitted ? " checked" : "")> "
            + "Tính cả báo cáo đã gửi chưa duyệt</label><button type=\"submit\">Xem</button></form>"
        return html
    }

    private static func targets(_ page: DashboardPage, link: DashboardLink) -> String {
        var html = "<section class=\"card\"><h2>Chỉ tiêu (\(page.targets.filter { $0.evaluation.status == .met }.count)/\(page.targets.count) đạt)</h2>"
        guard !page.targets.isEmpty else {
            return html + "<p>Chưa có chỉ tiêu nào gắn với chỉ số để đánh giá ở đơn vị này.</p></section>"
        }
        html += "<table class=\"stack\"><thead><tr><th>Chỉ tiêu</th><th>Kế hoạch</th><th>Số liệu</th><th>Đánh giá</th></tr></thead><tbody>"
        for target in page.targets {
            let href = link.with(indicator: target.indicatorID).href(.dashboard(page.unitCode)) + "#don-vi"
            html += "<tr><td>\(e(target.text))</td><td>\(e(target.planLabel))</td>"
                + "<td><a href=\"\(e(href))\">\(e(target.evaluation.explanation))</a></td>"
                + "<td><span class=\"status \(tone(target.evaluation.status))\">\(target.evaluation.status.label)</span></td></tr>"
        }
        return html + "</tbody></table><p><a href=\"\(e(link.href(.dashboardTargetsXlsx(page.unitCode))))\">Tải bảng (Excel)</a></p></section>"
    }

    /// "Tải báo cáo sơ kết" in June, "Tải báo cáo tổng kết" for the year, else "Tải báo cáo kết quả".
    private static func reviewLabel(_ period: ReportPeriod) -> String {
        switch ReviewWording(period: period).kind {
        case .interim: "Tải báo cáo sơ kết"
        case .final: "Tải báo cáo tổng kết"
        case .periodic: "Tải báo cáo kết quả"
        }
    }

    private static func children(_ page: DashboardPage, link: DashboardLink) -> String {
        guard let indicator = page.indicator else { return "" }
        let percent = indicator.kind != .count
        var html = "<section class=\"card\" id=\"don-vi\"><h2>\(e(indicator.name)) theo đơn vị trực thuộc</h2>"
        guard !page.children.isEmpty else { return html + "<p>Đơn vị không có đơn vị trực thuộc.</p></section>" }
        let bars = page.children.map { child in
            SVGChart.Bar(label: child.name, value: HeadlineFigure.percent(child.value), href: link.href(.dashboard(child.code)),
                         tone: child.status.map(tone) ?? "")
        }
        let target = page.indicatorTarget.flatMap { $0.value }
        html += SVGChart.horizontalBars(bars, target: target, percent: percent, title: indicator.name)
        html += "<div class=\"scroll\"><table><thead><tr><th>Đơn vị</th><th>\(indicator.kind == .ratio ? "Tử số / mẫu số" : "Số liệu")</th>"
            + "<th>Đơn vị báo cáo</th><th>Kết quả</th><th>Đánh giá</th></tr></thead><tbody>"
        for child in page.children {
            let figures = indicator.kind == .ratio ? "\(child.totals.numerator)/\(child.totals.denominator)"
                : indicator.kind == .childCoverage && child.totals.childrenCounted > 0 ? "\(child.totals.childrenMeeting)/\(child.totals.childrenCounted) đơn vị"
                : "\(child.totals.numerator)"
            html += "<tr><td><a href=\"\(e(link.href(.dashboard(child.code))))\">\(e(child.name))</a></td>"
                + "<td class=\"num\">\(child.totals.reporting > 0 ? figures : "—")</td><td class=\"num\">\(child.totals.reporting)</td>"
                + "<td class=\"num\">\(HeadlineFigure.shown(child.value))</td>"
                + "<td>\(child.status.map { "<span class=\"status \(tone($0))\">\($0.label)</span>" } ?? "")</td></tr>"
        }
        html += "</tbody></table></div><p>Tải bảng: <a href=\"\(e(link.href(.dashboardChildrenXlsx(page.unitCode))))\">Excel</a> · <a href=\"\(e(link.href(.dashboardChildrenCSV(page.unitCode))))\">CSV</a></p></section>"
        return html
    }

    private static func trend(_ page: DashboardPage) -> String {
        guard let indicator = page.indicator, !page.trend.isEmpty else { return "" }
        let percent = indicator.kind != .count
        let points = page.trend.map { (label: $0.label, value: HeadlineFigure.percent($0.value)) }
        var html = "<section class=\"card\"><h2>Diễn biến năm \(page.period.year)</h2>"
        html += SVGChart.trend(points, target: page.indicatorTarget?.value, percent: percent, title: "Diễn biến \(indicator.name)")
        html += "<div class=\"scroll\"><table class=\"compact\"><tr>" + points.map { "<th>\($0.label)</th>" }.joined() + "</tr><tr>"
            + page.trend.map { "<td class=\"num\">\(HeadlineFigure.shown($0.value))</td>" }.joined() + "</tr></table></div>"
        if indicator.kind == .childCoverage {
            html += "<p class=\"hint\">Theo tháng: tỷ lệ mọi đơn vị cấp dưới có báo cáo đạt mức yêu cầu.</p>"
        }
        return html + "</section>"
    }

    private static func completeness(_ page: DashboardPage, link: DashboardLink) -> String {
        let total = page.completeness.total
        var html = "<section class=\"card\" id=\"tien-do\"><h2>Tình hình báo cáo \(e(page.period.label))</h2>"
        guard total.expected > 0 else { return html + "<p>Không có đơn vị nào phải báo cáo kỳ này.</p></section>" }
        html += "<p class=\"summary\"><strong>\(total.submitted)/\(total.expected)</strong> báo cáo đã gửi (\(total.submittedPercent ?? 0)%) · "
            + "\(total.approved) đã duyệt · \(total.onTime) đúng hạn · \(total.late) muộn · <strong>\(total.missing) chưa gửi</strong></p>"
        html += "<div class=\"scroll\"><table><thead><tr><th>Đơn vị</th><th>Phải báo cáo</th><th>Đã gửi</th><th>Đã duyệt</th>"
            + "<th>Đúng hạn</th><th>Muộn</th><th>Chưa gửi</th></tr></thead><tbody>"
        for line in page.completeness.children {
            let counts = line.counts
            html += "<tr><td><a href=\"\(e(link.href(.dashboard(line.code))))#tien-do\">\(e(line.name))</a></td>"
                + "<td class=\"num\">\(counts.expected)</td><td class=\"num\">\(counts.submitted)</td><td class=\"num\">\(counts.approved)</td>"
                + "<td class=\"num\">\(counts.onTime)</td><td class=\"num\">\(counts.late)</td>"
                + "<td class=\"num\(counts.missing > 0 ? " warn" : "")\">\(counts.missing)</td></tr>"
        }
        html += "</tbody></table></div>"
        if !page.completeness.missing.isEmpty {
            let listed = page.completeness.missing.prefix(missingShown)
            let shown = listed.count
            html += "<h3>Chưa gửi báo cáo (\(total.missing)\(shown < total.missing ? ", hiện \(shown); mở từng đơn vị bên trên để xem tiếp" : ""))</h3><ul class=\"missing\">"
            for unit in listed {
                html += "<li><a href=\"\(e(SiteRoute.report(unit.code).path + "?period=" + page.period.code))\">\(e(unit.name))</a>"
                    + (unit.state.map { " · \($0.label)" } ?? " · chưa bắt đầu") + "</li>"
            }
            html += "</ul>"
        }
        return html + "<p>Tải bảng: <a href=\"\(e(link.href(.dashboardCompletenessXlsx(page.unitCode))))\">Excel</a> · <a href=\"\(e(link.href(.dashboardCompletenessCSV(page.unitCode))))\">CSV</a></p></section>"
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

    private static func e(_ text: String) -> String { HTML.escape(text) }
}
