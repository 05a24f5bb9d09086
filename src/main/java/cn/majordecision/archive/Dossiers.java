package cn.majordecision.archive;

import cn.majordecision.cases.CaseEvents.CaseClosed;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.CaseStatus;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.execution.ExecutionEvents.AfterDecisionEvent;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The archive dossiers of a case (Art. 33), one version per occasion: the ending of the case (archived, not launched,
 * withdrawn, rejected, lapsed, refused by the party committee or the congress) and each record after the decision.
 * A version is asked for in the transaction that ends the case or records the change, as a PENDING row, and built
 * after that transaction commits by {@link DossierBuilder}: nobody waits for it, and a crash does not lose it.
 */
@Service
@Transactional
public class Dossiers {

    private static final Set<String> READERS = Set.of("auditors", "archivists");
    /** Reason of a version made for a record after the decision; its kinds are in {@code reason_detail}. */
    static final String AFTER_DECISION = "AFTER_DECISION";
    /** Reason of the first version of a decision terminated before anyone archived it. */
    static final String TERMINATED = "TERMINATED";
    static final String COLUMNS = "id, case_id, version, reason, reason_detail, status, failure, requested_at, "
            + "requested_by, created_at, sha256, size_bytes, attempts";

    /** Where a version stands. */
    public enum Status {
        PENDING("生成中"), BUILDING("生成中"), READY("已生成"), FAILED("生成失败");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One version of a case's dossier, without its content. */
    public record Version(String caseNumber, int version, String reason, String reasonLabel, String reasonDetail,
            Status status, String statusLabel, String failure, Instant requestedAt, String requestedBy,
            Instant createdAt, String sha256, Long sizeBytes) {

        public boolean ready() {
            return status == Status.READY;
        }

        public boolean pending() {
            return status == Status.PENDING || status == Status.BUILDING;
        }
    }

    /** A version as stored, for the builder. */
    record Row(long id, long caseId, int version, String reason, String reasonDetail, Status status, String failure,
            Instant requestedAt, String requestedBy, Instant createdAt, String sha256, Long sizeBytes, int attempts) {
    }

    static final RowMapper<Row> ROW = (rs, i) -> new Row(rs.getLong("id"), rs.getLong("case_id"), rs.getInt("version"),
            rs.getString("reason"), rs.getString("reason_detail"), Status.valueOf(rs.getString("status")),
            rs.getString("failure"), instant(rs.getObject("requested_at", LocalDateTime.class)),
            rs.getString("requested_by"), instant(rs.getObject("created_at", LocalDateTime.class)),
            rs.getString("sha256"), rs.getObject("size_bytes", Long.class), rs.getInt("attempts"));

    private final CaseService cases;
    private final ArchiveFont font;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Dossiers(CaseService cases, ArchiveFont font, JdbcTemplate jdbc, Clock clock, ApplicationEventPublisher events) {
        this.cases = cases;
        this.font = font;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    /** Before the archivist's confirmation is recorded: can the dossier be rendered, every character of it? */
    public void checkRenderable(DecisionCase decisionCase, Map<String, Object> confirmation, List<FieldViolation> violations) {
        if (!font.available()) {
            violations.add(new FieldViolation("archiveNumber", "ARCHIVE_FONT_MISSING", ArchiveFont.MISSING_HINT));
            return;
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("事项名称", decisionCase.getTitle());
        texts.put("拟解决的问题", decisionCase.getProblem());
        texts.put("理由和依据", decisionCase.getReasonsAndBasis());
        texts.put("初步方案", decisionCase.getInitialPlan());
        texts.put("必要性和可行性", decisionCase.getNecessityAndFeasibility());
        texts.put("承办单位", decisionCase.getUndertakingUnit());
        for (StageRecord record : cases.records(decisionCase.getId())) {
            texts.put(record.getTaskName() + "（办理人）", record.getActorName());
            texts.put(record.getTaskName(), record.getPayload());
        }
        confirmation.forEach((key, value) -> texts.put("归档确认：" + key, String.valueOf(value)));
        texts.forEach((where, text) -> {
            Set<Integer> missing = font.missing(text);
            if (!missing.isEmpty()) {
                violations.add(new FieldViolation("archiveNumber", "CHARACTER_NOT_IN_FONT",
                        "“" + where + "”中的 " + String.join("、", ArchiveFont.describeAll(missing))
                                + " 在归档字体中没有字形，无法生成可长期保存的 PDF/A 文档；请配置包含该字的 TrueType 字体"
                                + "（app.archive.font），或在更正记录时注明。"));
            }
        });
    }

    /** A case ended, whichever way: its dossier is asked for, in the transaction that ends it. */
    @EventListener
    void on(CaseClosed event) {
        request(event.caseId(), event.status().name(), null, event.by());
    }

    /**
     * Something was recorded after the decision. A case that already has a dossier gets a new version, whatever kind
     * of record it is; a decision terminated before anyone archived it gets its first.
     */
    @EventListener
    void on(AfterDecisionEvent event) {
        boolean hasDossier = jdbc.queryForObject("SELECT COUNT(*) FROM case_dossier WHERE case_id = ?", Long.class,
                event.caseId()) > 0;
        if (hasDossier) {
            request(event.caseId(), AFTER_DECISION, event.kind().name(), event.actor());
        } else if ("DECISION_TERMINATED".equals(event.kind().name())) {
            request(event.caseId(), TERMINATED, null, event.actor());
        }
    }

    /** What a reason code means, for people. */
    static String reasonLabel(String reason) {
        if (AFTER_DECISION.equals(reason)) {
            return "决策作出后新增记录";
        }
        if (TERMINATED.equals(reason)) {
            return "决策终止执行";
        }
        try {
            return CaseStatus.valueOf(reason).label();
        } catch (IllegalArgumentException unknown) {
            return reason;
        }
    }

    /**
     * Asks for a new version. One still waiting to be built takes the new occasion instead (it will be built from the
     * records as they are then): a burst of reports makes one version, not one each.
     */
    void request(Long caseId, String reason, String detail, String by) {
        Instant now = clock.instant();
        for (int attempt = 0; ; attempt++) {
            Optional<Row> waiting = jdbc.query("SELECT " + COLUMNS + " FROM case_dossier WHERE case_id = ? AND status = "
                    + "'PENDING' AND claimed_by IS NULL ORDER BY version DESC", ROW, caseId).stream().findFirst();
            if (waiting.isPresent() && AFTER_DECISION.equals(reason)) {
                String joined = waiting.get().reasonDetail() == null ? detail : waiting.get().reasonDetail() + ", " + detail;
                int updated = jdbc.update("UPDATE case_dossier SET reason_detail = ? WHERE id = ? AND status = 'PENDING' "
                        + "AND claimed_by IS NULL", joined.length() > 500 ? joined.substring(0, 500) : joined,
                        waiting.get().id());
                if (updated == 1) {
                    break;
                }
            }
            Integer last = jdbc.queryForObject("SELECT MAX(version) FROM case_dossier WHERE case_id = ?", Integer.class,
                    caseId);
            try {
                jdbc.update("INSERT INTO case_dossier (case_id, version, reason, reason_detail, status, requested_at, "
                        + "requested_by, attempts) VALUES (?, ?, ?, ?, 'PENDING', ?, ?, 0)", caseId,
                        last == null ? 1 : last + 1, reason, detail, utc(now), by);
                break;
            } catch (DuplicateKeyException raced) {
                if (attempt >= 3) {
                    throw raced;
                }
            }
        }
        afterCommit(() -> events.publishEvent(new DossierRequested(caseId)));
    }

    /** A version waits to be built; published after the transaction that asked for it committed. */
    record DossierRequested(Long caseId) {
    }

    /** The versions of the case's dossier, newest first, for auditors and archivists. */
    @Transactional(readOnly = true)
    public List<Version> versions(String number, Actor reader) {
        requireReader(reader);
        DecisionCase decisionCase = cases.get(number);
        return versions(decisionCase);
    }

    /** The versions of the case's dossier, newest first (for the case page, whose own rules decide who sees it). */
    @Transactional(readOnly = true)
    public List<Version> versions(DecisionCase decisionCase) {
        return jdbc.query("SELECT " + COLUMNS + " FROM case_dossier WHERE case_id = ? ORDER BY version DESC", ROW,
                decisionCase.getId()).stream().map(row -> version(decisionCase.getNumber(), row)).toList();
    }

    /** The newest dossier that is ready, for auditors and archivists. */
    @Transactional(readOnly = true)
    public byte[] dossier(String number, Actor reader) {
        requireReader(reader);
        DecisionCase decisionCase = cases.get(number);
        List<byte[]> stored = jdbc.query("SELECT content FROM case_dossier WHERE case_id = ? AND status = 'READY' "
                + "ORDER BY version DESC", (rs, i) -> rs.getBytes(1), decisionCase.getId());
        if (stored.isEmpty()) {
            boolean waiting = jdbc.queryForObject("SELECT COUNT(*) FROM case_dossier WHERE case_id = ?", Long.class,
                    decisionCase.getId()) > 0;
            throw waiting
                    ? DomainException.conflict("DOSSIER_NOT_READY", "事项 " + number + " 的归档包尚未生成完毕，请稍后再试。")
                    : DomainException.conflict("CASE_NOT_ARCHIVED", "事项 " + number + " 尚未办结，还没有归档包。");
        }
        return stored.get(0);
    }

    /** One version of the dossier, for auditors and archivists; older versions stay available. */
    @Transactional(readOnly = true)
    public byte[] dossier(String number, int version, Actor reader) {
        requireReader(reader);
        DecisionCase decisionCase = cases.get(number);
        Row row = jdbc.query("SELECT " + COLUMNS + " FROM case_dossier WHERE case_id = ? AND version = ?", ROW,
                decisionCase.getId(), version).stream().findFirst().orElseThrow(() -> noSuchVersion(decisionCase, version));
        if (row.status() == Status.FAILED) {
            throw DomainException.conflict("DOSSIER_FAILED", "事项 " + number + " 第 " + version + " 版归档包生成失败："
                    + row.failure());
        }
        if (row.status() != Status.READY) {
            throw DomainException.conflict("DOSSIER_NOT_READY", "事项 " + number + " 第 " + version
                    + " 版归档包尚未生成完毕，请稍后再试。");
        }
        return jdbc.queryForObject("SELECT content FROM case_dossier WHERE id = ?", (rs, i) -> rs.getBytes(1), row.id());
    }

    /** A case that has not ended has no dossier yet (409, as for the newest); one that has, not this version (404). */
    private DomainException noSuchVersion(DecisionCase decisionCase, int version) {
        boolean any = jdbc.queryForObject("SELECT COUNT(*) FROM case_dossier WHERE case_id = ?", Long.class,
                decisionCase.getId()) > 0;
        return any
                ? DomainException.notFound("DOSSIER_VERSION_NOT_FOUND", "事项 " + decisionCase.getNumber() + " 没有第 "
                        + version + " 版归档包。")
                : DomainException.conflict("CASE_NOT_ARCHIVED", "事项 " + decisionCase.getNumber() + " 尚未办结，还没有归档包。");
    }

    private static Version version(String number, Row row) {
        return new Version(number, row.version(), row.reason(), reasonLabel(row.reason()), row.reasonDetail(),
                row.status(), row.status().label(), row.failure(), row.requestedAt(), row.requestedBy(),
                row.createdAt(), row.sha256(), row.sizeBytes());
    }

    private static void requireReader(Actor reader) {
        if (!reader.isInAny(READERS)) {
            throw DomainException.forbidden("ROLE_REQUIRED", "归档包仅供审计人员和档案员下载。");
        }
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
