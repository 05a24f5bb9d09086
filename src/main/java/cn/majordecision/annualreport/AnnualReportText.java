package cn.majordecision.annualreport;

import java.nio.charset.StandardCharsets;


/** The annual report as Chinese paragraphs for the rule-of-law report, and as CSV for spreadsheets. */
public final class AnnualReportText {

    private AnnualReportText() {
    }

    /** Paragraphs ready to paste into the annual rule-of-law report (法治政府建设年度报告), numbers inline. */
    public static String text(AnnualReport report) {
        Values v = new Values(report);
        boolean town = report.government().endsWith("镇人民政府");
        String scope = town ? "全镇" : "本地";
        String meeting = town ? "镇府领导班子会议" : "政府领导班子会议";
        String party = town ? "镇党委" : "同级党委";
        StringBuilder text = new StringBuilder();
        text.append("%d年%s重大行政决策情况\n\n".formatted(report.year(), report.government()));
        text.append(("一、决策事项总体情况。%d年，%s共提出重大行政决策事项%d件；经集体讨论决定通过%d件，决定不予通过%d件，"
                + "撤回%d件，%s尚在办理%d件。\n\n").formatted(report.year(), report.government(), v.of("cases.filed"),
                v.of("cases.decided"), v.of("cases.rejected"), v.of("cases.withdrawn"), yearEnd(report), v.of("cases.pending")));
        text.append(("二、决策程序履行情况。对涉及%s经济社会发展的重大事项，始终坚持广泛征求群众意见、邀请专家进行论证、进行风险评估和"
                + "合法性审查，最终通过%s集体讨论决定，然后提交%s讨论审议。全年公开征求意见%d件，收到公众意见%d条，公开%d条，"
                + "采纳（含部分采纳）%d条；举行听证会%d场；邀请专家参与论证%d人次；开展风险评估%d次，其中评估为高风险%d次、"
                + "中风险%d次、低风险%d次；作出合法性审查结论%d件，根据合法性审查意见修改决策草案%d件；提交%s集体讨论%d件；"
                + "向%s请示报告%d件。").formatted(scope, meeting, party, v.of("consultation.held"),
                v.of("consultation.opinionsReceived"), v.of("consultation.opinionsPublished"),
                v.of("consultation.opinionsAdopted"), v.of("hearings"), v.of("experts.engaged"),
                v.of("risk.assessments"), v.of("risk.high"), v.of("risk.medium"), v.of("risk.low"),
                v.of("legality.reviewed"), v.of("legality.revised"), meeting, v.of("meetings"), party,
                v.of("party.reports")));
        text.append(("依法不适用的程序均记录了依据和理由：依法不进行公众参与%d件，不需专家论证%d件，不需风险评估%d件，依法不予公布%d件。\n\n")
                .formatted(v.of("steps.PUBLIC_PARTICIPATION.skipped"), v.of("steps.EXPERT_REVIEW.skipped"),
                        v.of("steps.RISK_ASSESSMENT.skipped"), v.of("steps.PUBLICATION.skipped")));
        text.append(("三、决策公布和目录管理。全年公布重大行政决策%d件，其中在决策作出后法定期限内按期公布%d件。"
                + "年度决策事项目录列入事项%d项，年内完成决策%d项。\n\n").formatted(v.of("publication.published"),
                v.of("publication.onTime"), v.of("catalog.planned"), v.of("catalog.completed")));
        text.append("四、决策执行和后评估。全年开展决策后评估%d次，停止执行决策%d次。\n".formatted(v.of("after.evaluations"),
                v.of("after.suspensions")));
        if (!report.notes().isEmpty()) {
            text.append("\n说明：").append(String.join("", report.notes())).append('\n');
        }
        return text.toString();
    }

    /** One row per metric: key, label, value, case numbers, catalog items, note. UTF-8 with a byte order mark. */
    public static byte[] csv(AnnualReport report) {
        StringBuilder csv = new StringBuilder("\uFEFF指标代码,指标,数值,事项编号,目录事项,说明\r\n");
        for (Metric m : report.metrics()) {
            csv.append(cell(m.key())).append(',').append(cell(m.label())).append(',').append(m.value()).append(',')
                    .append(cell(String.join(" ", m.caseNumbers()))).append(',')
                    .append(cell(String.join(" ", m.itemNumbers()))).append(',')
                    .append(cell(m.note())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Quoted when needed; a leading formula character is neutralised so a spreadsheet shows it as text. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }

    /** The year still running is counted up to now, not to its end. */
    private static String yearEnd(AnnualReport report) {
        int current = report.computedAt().atZone(AnnualStatistics.CHINA).getYear();
        return current <= report.year() ? "截至统计时" : "年末";
    }

    private record Values(AnnualReport report) {
        long of(String key) {
            return report.value(key);
        }
    }

}
