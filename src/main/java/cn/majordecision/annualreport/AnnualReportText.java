package cn.majordecision.annualreport;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;


/** The annual report as Chinese paragraphs for the rule-of-law report, and as CSV for spreadsheets. */
public final class AnnualReportText {

    private AnnualReportText() {
    }

    /**
     * Paragraphs ready to paste into the annual rule-of-law report (法治政府建设年度报告), numbers inline. Every sentence
     * is derived from the numbers: a procedure is said to have been followed "in every case" only when it was, a
     * stage left out is reported with how many cases and on which bases, and counts of zero are said as such or left
     * out, never claimed.
     */
    public static String text(AnnualReport report) {
        Values v = new Values(report);
        boolean town = report.government().endsWith("镇人民政府");
        String meeting = town ? "镇府领导班子会议" : "政府领导班子会议";
        String party = town ? "镇党委" : "同级党委";
        StringBuilder text = new StringBuilder();
        text.append("%d年%s重大行政决策情况\n\n".formatted(report.year(), report.government()));
        text.append("一、决策事项总体情况。").append(overall(report, v)).append("\n\n");
        text.append("二、决策程序履行情况。").append(procedure(report, v)).append(activity(report, v, meeting, party))
                .append("\n\n");
        text.append("三、决策公布和目录管理。").append(publication(report, v)).append(catalog(report, v)).append("\n\n");
        text.append("四、决策执行和后评估。").append(afterDecision(report, v)).append('\n');
        if (!report.notes().isEmpty()) {
            text.append("\n说明：").append(String.join("", report.notes())).append('\n');
        }
        return text.toString();
    }

    private static String overall(AnnualReport report, Values v) {
        long filed = v.of("cases.filed");
        List<String> outcomes = new ArrayList<>();
        addIf(outcomes, v.of("cases.decided"), "经集体讨论决定通过%d件");
        addIf(outcomes, v.of("cases.rejected"), "决定不予通过%d件");
        addIf(outcomes, v.of("cases.withdrawn"), "撤回%d件");
        addIf(outcomes, v.of("cases.pending"), yearEnd(report) + "尚在办理%d件");
        String opening = filed > 0
                ? "%d年，%s共提出重大行政决策事项%d件".formatted(report.year(), report.government(), filed)
                : "%d年，%s没有提出新的重大行政决策事项".formatted(report.year(), report.government());
        if (outcomes.isEmpty()) {
            return opening + (filed > 0 ? "。" : "，也没有经集体讨论决定、撤回或尚在办理的事项。");
        }
        return opening + "；" + String.join("，", outcomes) + "。";
    }

    /** The decided cases against the stages the statute requires before a decision, stage by stage. */
    private static String procedure(AnnualReport report, Values v) {
        long decided = v.of("decided.total");
        if (decided == 0) {
            return "本年度没有经集体讨论作出决定的事项。";
        }
        List<String> full = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (String stage : AnnualStatistics.REQUIRED_BEFORE_DECISION) {
            String label = AnnualStatistics.STEP_LABELS.get(stage);
            String key = "decided." + stage;
            long performed = v.of(key + ".performed");
            if (performed == decided) {
                full.add(label);
                continue;
            }
            List<String> parts = new ArrayList<>();
            parts.add(performed > 0 ? "履行%d件".formatted(performed) : "均未履行");
            long skipped = v.of(key + ".skipped");
            if (skipped > 0) {
                parts.add("标记为依法不适用%d件（%s）".formatted(skipped, bases(report, key + ".skipped")));
            }
            addIf(parts, v.of(key + ".missing"), "既未履行也未标记为不适用%d件");
            partial.add(label + "：" + String.join("，", parts));
        }
        StringBuilder text = new StringBuilder("本年度经集体讨论作出决定的事项%d件".formatted(decided));
        if (partial.isEmpty()) {
            return text.append("，均履行了").append(series(full)).append("程序。").toString();
        }
        if (!full.isEmpty()) {
            text.append("，均履行了").append(series(full)).append("程序");
        }
        return text.append("；").append(String.join("；", partial)).append("。").toString();
    }

    /** What was done in the year, each count said only as it is. */
    private static String activity(AnnualReport report, Values v, String meeting, String party) {
        List<String> parts = new ArrayList<>();
        long consulted = v.of("consultation.held");
        parts.add(consulted > 0 ? "公开征求意见%d件，收到公众意见%d条，公开%d条，采纳（含部分采纳）%d条".formatted(consulted,
                v.of("consultation.opinionsReceived"), v.of("consultation.opinionsPublished"),
                v.of("consultation.opinionsAdopted")) : "没有公开征求意见的事项");
        addIf(parts, v.of("hearings"), "举行听证会%d场");
        long experts = v.of("experts.engaged");
        parts.add(experts > 0 ? "邀请专家参与论证%d人次".formatted(experts) : "没有专家参与论证");
        long assessments = v.of("risk.assessments");
        if (assessments > 0) {
            List<String> levels = new ArrayList<>();
            for (String level : List.of("risk.high", "risk.medium", "risk.low")) {
                report.metric(level).filter(m -> m.value() > 0)
                        .ifPresent(m -> levels.add(quoted(m.label()) + "风险" + m.value() + "份"));
            }
            parts.add("开展风险评估%d次".formatted(assessments) + (levels.isEmpty() ? "" : "，其中" + String.join("、", levels)));
        } else {
            parts.add("没有开展风险评估");
        }
        long reviewed = v.of("legality.reviewed");
        parts.add(reviewed > 0 ? "作出合法性审查结论%d件".formatted(reviewed)
                + (v.of("legality.revised") > 0 ? "，根据合法性审查意见修改决策草案%d件".formatted(v.of("legality.revised")) : "")
                : "没有作出合法性审查结论");
        long meetings = v.of("meetings");
        parts.add(meetings > 0 ? "提交%s集体讨论%d件".formatted(meeting, meetings) : "没有提交%s集体讨论的事项".formatted(meeting));
        long reports = v.of("party.reports");
        if (reports > 0) {
            parts.add("向%s请示报告%d件".formatted(party, reports));
        }
        return "全年" + String.join("；", parts) + "。";
    }

    private static String publication(AnnualReport report, Values v) {
        long published = v.of("publication.published");
        int period = report.publicationWorkingDays();
        StringBuilder text = new StringBuilder();
        if (published == 0) {
            text.append("全年没有公布重大行政决策");
        } else {
            text.append("全年公布重大行政决策%d件".formatted(published));
            long onTime = v.of("publication.onTime");
            long late = v.of("publication.late");
            if (late == 0) {
                text.append("，均在决定作出后%d个工作日内公布".formatted(period));
            } else {
                if (onTime > 0) {
                    text.append("，其中决定作出后%d个工作日内公布%d件".formatted(period, onTime));
                }
                long unexplained = v.of("publication.lateUnexplained");
                text.append("，逾期公布%d件".formatted(late)).append(unexplained == 0 ? "，均说明了逾期理由"
                        : unexplained == late ? "，均未说明理由" : "，其中%d件未说明理由".formatted(unexplained));
            }
        }
        long nonPublic = v.of("steps.PUBLICATION.skipped");
        if (nonPublic > 0) {
            text.append("；依法不予公开%d件（%s）".formatted(nonPublic, bases(report, "steps.PUBLICATION.skipped")));
        }
        return text.append("。").toString();
    }

    private static String catalog(AnnualReport report, Values v) {
        boolean exists = report.metric("catalog.planned").map(m -> m.note() == null).orElse(false);
        if (!exists) {
            return "本年度决策事项目录尚未编制。";
        }
        return "年度决策事项目录列入事项%d项，年内完成决策%d项。".formatted(v.of("catalog.planned"), v.of("catalog.completed"));
    }

    private static String afterDecision(AnnualReport report, Values v) {
        boolean recorded = report.metric("after.evaluations").map(m -> m.note() == null).orElse(false);
        if (!recorded) {
            return "决策后评估和决策执行情况的记录尚未纳入本系统。";
        }
        List<String> parts = new ArrayList<>();
        long evaluations = v.of("after.evaluations");
        parts.add(evaluations > 0 ? "开展决策后评估%d次".formatted(evaluations) : "没有开展决策后评估");
        List<String> changes = new ArrayList<>();
        addIf(changes, v.of("after.suspensions"), "暂停执行决策%d次");
        addIf(changes, v.of("after.resumptions"), "暂停后恢复执行%d次");
        addIf(changes, v.of("after.adjustments"), "调整决策%d件");
        addIf(changes, v.of("after.terminations"), "停止执行（终止）决策%d件");
        parts.add(changes.isEmpty() ? "没有暂停执行、调整或停止执行的决策" : String.join("，", changes));
        return "全年" + String.join("；", parts) + "。";
    }

    /** The bases of the skips counted under {@code prefix}: "依据：涉及国家秘密1件、未记录依据1件". */
    private static String bases(AnnualReport report, String prefix) {
        List<String> grounds = new ArrayList<>();
        for (Metric m : report.metricsStartingWith(prefix + ".basis.")) {
            String ground = m.key().substring((prefix + ".basis.").length());
            grounds.add((AnnualStatistics.NO_BASIS.equals(ground) ? "未记录依据"
                    : "“" + AnnualStatistics.groundLabel(ground) + "”") + m.value() + "件");
        }
        return "依据：" + String.join("、", grounds);
    }

    /** "甲", "甲和乙", "甲、乙和丙". */
    private static String series(List<String> items) {
        if (items.size() < 2) {
            return String.join("", items);
        }
        return String.join("、", items.subList(0, items.size() - 1)) + "和" + items.get(items.size() - 1);
    }

    private static void addIf(List<String> parts, long value, String format) {
        if (value > 0) {
            parts.add(format.formatted(value));
        }
    }

    /** What a metric's label quotes: the option's label on the form ("风险等级为“高”的评估报告（份）" to "高"). */
    private static String quoted(String label) {
        int open = label.indexOf('“');
        int close = label.indexOf('”', open + 1);
        return open >= 0 && close > open ? label.substring(open + 1, close) : label;
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
