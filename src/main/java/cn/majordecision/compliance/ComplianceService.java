package cn.majordecision.compliance;

import cn.majordecision.calendar.WorkingDayCalendar;
import cn.majordecision.cases.CaseDetail;
import cn.majordecision.cases.CaseQuery;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.RecordCorrection;
import cn.majordecision.cases.Stage;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.forms.OptionLabels;
import cn.majordecision.repair.RepairService;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.ProcedurePolicy;
import cn.majordecision.shared.RecordIntegrity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds each case's facts from its stored records (a corrected record is read as corrected), skips and flags, and
 * runs the rules over them with the statutory working-day calendar.
 */
@Service
@Transactional(readOnly = true)
public class ComplianceService {

    private static final int BATCH = 200;
    /** The groups of articles (by their article numbers) a decision must have met before it is published. */
    private static final List<String> BEFORE_PUBLICATION = List.of("14-15", "16-17", "19-20", "22-24", "25-28",
            "29-30", "31");
    private static final List<String> BEFORE_ARCHIVING = List.of("14-15", "16-17", "19-20", "22-24", "25-28",
            "29-30", "31", "32");

    private final CaseService cases;
    private final WorkingDayCalendar calendar;
    private final ObjectMapper mapper;
    private final RepairService repairs;
    private final ProcedurePolicy policy;
    private final RecordIntegrity integrity;
    private final OptionLabels labels;

    ComplianceService(CaseService cases, WorkingDayCalendar calendar, ObjectMapper mapper, RepairService repairs,
            ProcedurePolicy policy, RecordIntegrity integrity, OptionLabels forms) {
        this.integrity = integrity;
        this.labels = forms;
        this.cases = cases;
        this.calendar = calendar;
        this.mapper = mapper;
        this.repairs = repairs;
        this.policy = policy;
    }

    public ComplianceReport report(String caseNumber, Actor reader) {
        requireAuditor(reader);
        return report(cases.detail(caseNumber, reader), calendar.lookup());
    }

    /** Every case with at least one violated or missing article, with the articles concerned only. */
    public List<ComplianceReport> violations(Actor reader) {
        requireAuditor(reader);
        WorkingDayCalendar.Lookup days = calendar.lookup();
        List<ComplianceReport> found = new ArrayList<>();
        CaseQuery all = new CaseQuery(null, null, null, null, null, null);
        Page<DecisionCase> page = cases.search(all, PageRequest.of(0, BATCH, Sort.by("id")), reader);
        while (true) {
            for (DecisionCase decisionCase : page) {
                ComplianceReport report = report(cases.detail(decisionCase.getNumber(), reader), days);
                if (report.anyViolation()) {
                    found.add(new ComplianceReport(report.caseNumber(), report.title(), report.status(), true,
                            report.articles().stream().filter(a -> a.status() == ComplianceStatus.VIOLATED
                                    || a.status() == ComplianceStatus.MISSING).toList(), report.repairs(),
                            report.tamperedRecords()));
                }
            }
            if (!page.hasNext()) {
                return found;
            }
            page = cases.search(all, page.nextPageable(), reader);
        }
    }

    /**
     * The groups of articles that must be met before a case may take {@code step} (publication, archiving) and are
     * not: a required stage without its record, or skipped without a flag that allows it.
     */
    public List<ArticleCheck> unmetBefore(Long caseId, Stage step) {
        List<ArticleCheck> articles = report(cases.storedRecord(caseId), calendar.lookup()).articles();
        List<String> required = step == Stage.ARCHIVING ? BEFORE_ARCHIVING : BEFORE_PUBLICATION;
        return articles.stream().filter(a -> required.contains(a.articles()))
                .filter(a -> a.status() == ComplianceStatus.MISSING || a.status() == ComplianceStatus.NOT_YET_DUE)
                .toList();
    }

    private ComplianceReport report(CaseDetail detail, WorkingDayCalendar.Lookup days) {
        DecisionCase decisionCase = detail.decisionCase();
        // a record that no longer matches the audit log is no evidence (ADR 0021), nor is a tampered correction
        List<RecordIntegrity.Mismatch> tampered = integrity.mismatchesOfCase(decisionCase.getId());
        Map<Long, RecordCorrection> latestCorrection = new HashMap<>();
        detail.corrections().stream()
                .filter(c -> !RecordIntegrity.tampered(tampered, RecordIntegrity.RECORD_CORRECTION, c.getId()))
                .forEach(c -> latestCorrection.put(c.getRecordId(), c));
        List<CaseFacts.Record> records = new ArrayList<>();
        for (StageRecord r : detail.records()) {
            if (RecordIntegrity.tampered(tampered, RecordIntegrity.STAGE_RECORD, r.getId())) {
                continue;
            }
            RecordCorrection correction = latestCorrection.get(r.getId());
            String payload = correction == null ? r.getPayload() : correction.getPayload();
            records.add(new CaseFacts.Record(r.getId(), r.getStage().name(), r.getFormKey(), r.getActor(),
                    r.getActorName(), r.getCompletedAt(), parse(payload)));
        }
        List<CaseFacts.Skip> skips = detail.skips().stream().map(s -> new CaseFacts.Skip(s.getStage().name(),
                s.getFlag(), s.isFlagValue(), s.getFlagSetBy(), s.getSkippedAt(),
                s.basis().map(b -> b.code().name()).orElse(null), s.basis().map(b -> b.text()).orElse(null)))
                .toList();
        Map<String, Boolean> flags = new HashMap<>();
        for (String flag : List.of("nonPublic", "hearing", "technical", "stabilityRisk", "priorRiskAssessment",
                "exploratoryReform", "marketActivity", "congressApproval")) {
            flags.put(flag, decisionCase.getFlags().value(flag));
        }
        CaseFacts facts = new CaseFacts(decisionCase.getNumber(), decisionCase.isActive(),
                decisionCase.getStatus().name(), flags, decisionCase.getFlagsSetBy(), records, skips);
        List<ArticleCheck> articles = ComplianceRules.check(facts, policy, days::isWorkingDay, days::isProvisional,
                labels);
        boolean anyViolation = !tampered.isEmpty() || articles.stream().anyMatch(a -> a.status() == ComplianceStatus.VIOLATED
                || a.status() == ComplianceStatus.MISSING);
        return new ComplianceReport(decisionCase.getNumber(), decisionCase.getTitle(), decisionCase.getStatus().name(),
                anyViolation, articles, repairs.repairsOf(decisionCase.getId()).stream()
                        .map(r -> new ComplianceReport.Repair(r.getAction().name(), r.getAction().label(), r.getDetail(),
                                r.getReason(), r.getRepairedBy(), r.getRepairedAt())).toList(), tampered);
    }

    private JsonNode parse(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return mapper.createObjectNode();
        }
    }

    private static void requireAuditor(Actor actor) {
        if (!actor.isIn("auditors")) {
            throw DomainException.forbidden("ROLE_REQUIRED", "只有审计人员可以查阅合规检查报告。");
        }
    }
}
