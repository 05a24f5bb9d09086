package cn.majordecision.archive;

import cn.majordecision.archive.PdfDocuments.Line;
import cn.majordecision.audit.AuditBundles;
import cn.majordecision.audit.AuditEventType;
import cn.majordecision.audit.AuditLog;
import cn.majordecision.cases.CaseEvents.StageRecorded;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.Stage;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.forms.FormCatalog;
import cn.majordecision.forms.FormSchema;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.springframework.context.event.EventListener;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds, stores and serves the archive dossier of a case: a BagIt (RFC 8493) package with every stage record as a
 * PDF/A-2u document and as its original JSON, the case file, and the audit bundle. It is made in the transaction that
 * records the archivist's confirmation, so the case is never archived without it, and its digest goes into the log.
 */
@Service
@Transactional
public class Dossiers {

    private static final Set<String> READERS = Set.of("auditors", "archivists");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));

    private final CaseService cases;
    private final FormCatalog forms;
    private final AuditBundles bundles;
    private final AuditLog log;
    private final ArchiveFont font;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final int retentionYears;

    Dossiers(CaseService cases, FormCatalog forms, AuditBundles bundles, AuditLog log, ArchiveFont font, JdbcTemplate jdbc,
            Clock clock, ObjectMapper mapper, @Value("${app.retention.years:30}") int retentionYears) {
        this.cases = cases;
        this.forms = forms;
        this.bundles = bundles;
        this.log = log;
        this.font = font;
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
        if (retentionYears < 1) {
            throw new IllegalStateException("app.retention.years must be at least 1, was " + retentionYears);
        }
        this.retentionYears = retentionYears;
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

    /** When the archivist's confirmation is recorded, in its transaction. */
    @EventListener
    void on(StageRecorded event) {
        if (event.stage() != Stage.ARCHIVING) {
            return;
        }
        DecisionCase decisionCase = cases.get(event.caseId());
        byte[] bag = build(decisionCase);
        String sha256 = sha256(bag);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO case_dossier (case_id, created_at, created_by, sha256, size_bytes, content) VALUES (?, ?, ?, ?, ?, ?)",
                decisionCase.getId(), java.sql.Timestamp.from(now), event.actor(), sha256, bag.length, bag);
        log.append(AuditEventType.DOSSIER_CREATED, decisionCase.getId(), Stage.ARCHIVING.name(), event.actor(),
                "archivists", Map.of("sha256", sha256, "sizeBytes", bag.length, "format", "BagIt 1.0, PDF/A-2u"));
    }

    /** The stored dossier, for auditors and archivists. */
    @Transactional(readOnly = true)
    public byte[] dossier(String number, Actor reader) {
        if (!reader.isInAny(READERS)) {
            throw DomainException.forbidden("ROLE_REQUIRED", "归档包仅供审计人员和档案员下载。");
        }
        DecisionCase decisionCase = cases.get(number);
        List<byte[]> stored = jdbc.query("SELECT content FROM case_dossier WHERE case_id = ?",
                (rs, i) -> rs.getBytes(1), decisionCase.getId());
        if (stored.isEmpty()) {
            throw DomainException.conflict("CASE_NOT_ARCHIVED", "事项 " + number + " 尚未归档，还没有归档包。");
        }
        return stored.get(0);
    }

    /**
     * One dossier at a time: a parsed font holds about 37 MB, and several cases archived at once ran a 512 MB heap out
     * of memory in the benchmark. Archiving is rare; waiting for it is not.
     */
    synchronized byte[] build(DecisionCase decisionCase) {
        if (!font.available()) {
            throw DomainException.conflict("ARCHIVE_FONT_MISSING", ArchiveFont.MISSING_HINT);
        }
        Map<String, byte[]> payload = new LinkedHashMap<>();
        var created = PdfDocuments.calendar(clock.instant());
        // parsed once per dossier, from the bytes read at start-up, and shared by its PDFs
        try (TrueTypeFont ttf = font.parse()) {
            payload.put("data/00-case-file.pdf", PdfDocuments.write(ttf, decisionCase.getNumber() + " "
                    + decisionCase.getTitle(), caseLines(decisionCase), created));
            int n = 0;
            for (StageRecord record : cases.records(decisionCase.getId())) {
                n++;
                String name = String.format("data/records/%02d-%s", n, record.getTaskKey());
                payload.put(name + ".pdf", PdfDocuments.write(ttf, record.getTaskName() + "（" + record.getStage().label()
                        + "）", recordLines(record), created));
                payload.put(name + ".json", recordJson(record));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        payload.put("data/audit-bundle.zip", bundles.bundle(decisionCase.getNumber()));
        return bag(decisionCase, payload);
    }

    private List<Line> caseLines(DecisionCase c) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("事项编号", c.getNumber()));
        lines.add(new Line("事项名称", c.getTitle()));
        lines.add(new Line("承办单位", c.getUndertakingUnit()));
        lines.add(new Line("提出", c.getFiledBy() + "，" + SHOWN.format(c.getFiledAt())));
        lines.add(new Line("拟解决的问题", c.getProblem()));
        lines.add(new Line("理由和依据", c.getReasonsAndBasis()));
        lines.add(new Line("初步方案", c.getInitialPlan()));
        lines.add(new Line("必要性和可行性", c.getNecessityAndFeasibility()));
        lines.add(new Line("状态", c.getStatus().name()));
        return lines;
    }

    private List<Line> recordLines(StageRecord record) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("办理人", record.getActorName() + "（" + record.getActor() + "）"));
        lines.add(new Line("办结时间", SHOWN.format(record.getCompletedAt())));
        lines.add(new Line("所依据的草案版本", "第 " + record.getDraftVersion() + " 版"));
        lines.add(new Line("记录摘要（SHA-256）", record.getPayloadSha256()));
        FormSchema form = forms.get(record.getFormKey());
        try {
            Map<String, Object> data = json.readValue(record.getPayload(), new TypeReference<LinkedHashMap<String, Object>>() { });
            data.forEach((key, value) -> lines.add(new Line(labelOf(form, key), text(value))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    private static String labelOf(FormSchema form, String key) {
        String label = form.label(key);
        return label == null || label.isBlank() ? key : label;
    }

    private String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            return String.valueOf(value);
        }
    }

    private byte[] recordJson(StageRecord record) {
        try {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("recordId", record.getId());
            out.put("stage", record.getStage().name());
            out.put("taskKey", record.getTaskKey());
            out.put("taskName", record.getTaskName());
            out.put("formKey", record.getFormKey());
            out.put("actor", record.getActor());
            out.put("actorName", record.getActorName());
            out.put("completedAt", record.getCompletedAt().toString());
            out.put("draftVersion", record.getDraftVersion());
            out.put("payloadSha256", record.getPayloadSha256());
            out.put("payload", record.getPayload()); // the stored text itself, which the digest covers
            return json.writeValueAsBytes(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] bag(DecisionCase decisionCase, Map<String, byte[]> payload) {
        String root = decisionCase.getNumber() + "/";
        StringBuilder manifest = new StringBuilder();
        long bytes = 0;
        for (Map.Entry<String, byte[]> file : payload.entrySet()) {
            manifest.append(sha256(file.getValue())).append("  ").append(file.getKey()).append('\n');
            bytes += file.getValue().length;
        }
        Map<String, byte[]> tags = new LinkedHashMap<>();
        tags.put("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8));
        tags.put("bag-info.txt", ("Source-Organization: " + decisionCase.getUndertakingUnit() + "\n"
                + "External-Identifier: " + decisionCase.getNumber() + "\n"
                + "External-Description: " + decisionCase.getTitle() + "（重大行政决策归档材料，《重大行政决策程序暂行条例》第三十三条）\n"
                + "Bagging-Date: " + java.time.LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))) + "\n"
                + "Payload-Oxum: " + bytes + "." + payload.size() + "\n"
                // how long the receiving archive keeps the dossier (app.retention.years), as an ISO 8601 period
                + "Retention-Period: P" + retentionYears + "Y\n").getBytes(StandardCharsets.UTF_8));
        tags.put("manifest-sha256.txt", manifest.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder tagManifest = new StringBuilder();
        tags.forEach((name, content) -> tagManifest.append(sha256(content)).append("  ").append(name).append('\n'));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                for (Map.Entry<String, byte[]> tag : tags.entrySet()) {
                    put(zip, root + tag.getKey(), tag.getValue());
                }
                put(zip, root + "tagmanifest-sha256.txt", tagManifest.toString().getBytes(StandardCharsets.UTF_8));
                for (Map.Entry<String, byte[]> file : payload.entrySet()) {
                    put(zip, root + file.getKey(), file.getValue());
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
