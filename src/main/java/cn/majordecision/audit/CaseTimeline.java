package cn.majordecision.audit;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.OpinionSeal;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.Stage;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.forms.FormCatalog;
import cn.majordecision.forms.FormSchema;
import cn.majordecision.identity.UserDirectory;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.RecordIntegrity;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case timeline auditors read: the log's entries of a case in order, each with the person's name, the stage's
 * Chinese name, what was submitted (from the stored stage record, labelled by its form) and the draft version it
 * concerned; and a search of the whole log by person, stage, event type and date.
 */
@Service
@Transactional(readOnly = true)
public class CaseTimeline {

    private static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");
    private static final int MAX_PAGE_SIZE = 200;

    private final AuditEntries entries;
    private final CaseService cases;
    private final FormCatalog forms;
    private final UserDirectory users;
    private final ObjectMapper mapper;

    private final RecordBindings bindings;

    CaseTimeline(AuditEntries entries, CaseService cases, FormCatalog forms, UserDirectory users, ObjectMapper mapper,
            RecordBindings bindings) {
        this.bindings = bindings;
        this.entries = entries;
        this.cases = cases;
        this.forms = forms;
        this.users = users;
        this.mapper = mapper;
    }

    /**
     * One event as an auditor reads it. {@code submission} only for completed tasks; {@code draftVersion} when known;
     * {@code tampered} when the record the entry wrote no longer matches it (ADR 0021): why, else null.
     */
    public record Event(long sequence, String caseNumber, String eventType, String actor, String actorName,
            String role, Instant recordedAt, String stage, String stageLabel, String taskName, Integer draftVersion,
            List<Field> submission, JsonNode payload, String tampered) {
    }

    /**
     * One submitted field: its key, its label from the form, the value stored, and the value as people read it
     * ({@code text}: an option by its label, never its code).
     */
    public record Field(String key, String label, JsonNode value, String text) {
    }

    /** One page of a search: the events on it and how many match in all. */
    public record Page(List<Event> events, int page, int size, long total) {
    }

    public List<Event> ofCase(String caseNumber, Actor reader) {
        requireAuditor(reader);
        DecisionCase decisionCase = cases.get(caseNumber);
        Map<Long, StageRecord> records = new HashMap<>();
        cases.records(decisionCase.getId()).forEach(r -> records.put(r.getId(), r));
        Context context = new Context(new HashMap<>(Map.of(decisionCase.getId(), caseNumber)), records, reader);
        return entries.ofCase(decisionCase.getId()).stream().map(e -> event(e, context)).toList();
    }

    /** Everything matching the filters, newest first; dates are days in China's time zone, both ends included. */
    public Page search(String actor, String stage, String eventType, LocalDate from, LocalDate to, int page, int size,
            Actor reader) {
        requireAuditor(reader);
        if (stage != null && Arrays.stream(Stage.values()).noneMatch(s -> s.name().equals(stage))) {
            throw DomainException.invalid("UNKNOWN_STAGE", "没有名为“" + stage + "”的阶段。");
        }
        if (eventType != null && Arrays.stream(AuditEventType.values()).noneMatch(t -> t.name().equals(eventType))) {
            throw DomainException.invalid("UNKNOWN_EVENT_TYPE", "没有名为“" + eventType + "”的事件类型。");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw DomainException.invalid("DATE_RANGE", "起始日期不能晚于截止日期。");
        }
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw DomainException.invalid("INVALID_PAGE", "页码不能为负数，每页 1 至 " + MAX_PAGE_SIZE + " 条。");
        }
        Instant start = from == null ? null : from.atStartOfDay(LOCAL).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(LOCAL).toInstant();
        long total = entries.count(actor, stage, eventType, start, end);
        List<AuditEntry> found = entries.search(actor, stage, eventType, start, end, page * size, size);
        Context context = new Context(new HashMap<>(), new HashMap<>(), reader);
        return new Page(found.stream().map(e -> event(e, context)).toList(), page, size, total);
    }

    /** A case a person acted on, as the people search shows it. */
    public record ActedOn(String caseNumber, String title, long entries, Instant first, Instant last) {
    }

    /** The cases a person (user id) has entries for in the log, the most recently touched first, at most 200. */
    public List<ActedOn> casesActedOnBy(String actor, Actor reader) {
        requireAuditor(reader);
        return entries.casesActedOnBy(actor, MAX_PAGE_SIZE).stream().map(a -> {
            DecisionCase c = cases.get(a.caseId());
            return new ActedOn(c.getNumber(), c.getTitle(), a.entries(), a.first(), a.last());
        }).toList();
    }

    private record Context(Map<Long, String> caseNumbers, Map<Long, StageRecord> records, Actor reader,
            Map<Long, OpinionSeal> seals, Map<Long, List<RecordIntegrity.Mismatch>> mismatches) {

        Context(Map<Long, String> caseNumbers, Map<Long, StageRecord> records, Actor reader) {
            this(caseNumbers, records, reader, new HashMap<>(), new HashMap<>());
        }
    }

    /** The table and the name the entry gives the record it wrote, or null for an entry that wrote none. */
    private static String[] written(String eventType, JsonNode payload) {
        return switch (eventType) {
            case "TASK_COMPLETED" -> new String[] {RecordIntegrity.STAGE_RECORD, payload.path("recordId").asText()};
            case "RECORD_CORRECTED" -> new String[] {RecordIntegrity.RECORD_CORRECTION,
                    payload.path("correctionId").asText()};
            case "DRAFT_VERSION_ADDED" -> new String[] {RecordIntegrity.DRAFT_VERSION, payload.path("version").asText()};
            case "DOCUMENT_UPLOADED" -> new String[] {RecordIntegrity.CASE_DOCUMENT, payload.path("documentId").asText()};
            case "OPINION_RECEIVED" -> new String[] {RecordIntegrity.PUBLIC_OPINION,
                    payload.path("receiptNumber").asText()};
            default -> null;
        };
    }

    private Event event(AuditEntry entry, Context context) {
        JsonNode payload = parse(entry.payload());
        String caseNumber = entry.caseId() == null ? null
                : context.caseNumbers().computeIfAbsent(entry.caseId(), id -> cases.get(id).getNumber());
        Stage stage = entry.stage() == null ? null
                : Arrays.stream(Stage.values()).filter(s -> s.name().equals(entry.stage())).findFirst().orElse(null);
        String taskName = payload.path("taskName").isTextual() ? payload.path("taskName").asText() : null;
        Integer draftVersion = payload.path("version").isInt() ? payload.path("version").asInt() : null;
        List<Field> submission = null;
        String tampered = null;
        String[] written = written(entry.eventType(), payload);
        if (written != null && entry.caseId() != null) {
            tampered = RecordIntegrity.of(context.mismatches().computeIfAbsent(entry.caseId(),
                    bindings::mismatchesOfCase), written[0], written[1])
                    .map(m -> RecordIntegrity.TAMPERED + "：" + m.reason()).orElse(null);
        }
        if (AuditEventType.TASK_COMPLETED.name().equals(entry.eventType()) && payload.path("recordId").canConvertToLong()
                && caseNumber != null && !(tampered != null && tampered.endsWith(RecordBindings.DELETED))) {
            long recordId = payload.path("recordId").asLong();
            StageRecord record = context.records().computeIfAbsent(recordId, id -> cases.record(caseNumber, id));
            taskName = record.getTaskName();
            draftVersion = record.getProducedDraftVersion() != null ? record.getProducedDraftVersion()
                    : record.getDraftVersion() > 0 ? record.getDraftVersion() : null;
            // a sealed expert opinion (Art. 19) shows that it was submitted, not what it says
            OpinionSeal seal = context.seals().computeIfAbsent(entry.caseId(), cases::opinionSeal);
            submission = seal.hides(record, context.reader()) ? null : fields(record);
        }
        String actorName = entry.actor() == null ? null
                : users.find(entry.actor()).map(Actor::displayName).orElse(CaseAuditor.SYSTEM.equals(entry.actor())
                        ? "系统" : entry.actor());
        return new Event(entry.sequence(), caseNumber, entry.eventType(), entry.actor(), actorName, entry.role(),
                entry.recordedAt(), entry.stage(), stage == null ? null : stage.label(), taskName, draftVersion,
                submission, payload, tampered);
    }

    private List<Field> fields(StageRecord record) {
        JsonNode data = parse(record.getPayload());
        Optional<FormSchema> schema = schema(record.getFormKey());
        List<Field> fields = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String label = schema.map(s -> s.label(field.getKey())).orElse(field.getKey());
            JsonNode value = field.getValue();
            String text = schema.map(s -> s.display(field.getKey(), value))
                    .orElse(value.isValueNode() ? value.asText() : value.toString());
            fields.add(new Field(field.getKey(), label, value, text));
        }
        return fields;
    }

    private Optional<FormSchema> schema(String formKey) {
        if (formKey == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(forms.get(formKey));
        } catch (DomainException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private JsonNode parse(String json) {
        try {
            return json == null ? mapper.createObjectNode() : mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(json);
        }
    }

    private static void requireAuditor(Actor actor) {
        if (!actor.isIn("auditors")) {
            throw DomainException.forbidden("ROLE_REQUIRED", "只有审计人员可以查阅办理时间线。");
        }
    }
}
