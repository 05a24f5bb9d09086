package cn.majordecision.archive;

import cn.majordecision.archive.PdfDocuments.Line;
import cn.majordecision.audit.AuditBundles;
import cn.majordecision.cases.CaseDetail;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.DraftVersion;
import cn.majordecision.cases.FlagRevision;
import cn.majordecision.cases.RecordCorrection;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.cases.StageSkip;
import cn.majordecision.consultation.OpinionHandling;
import cn.majordecision.consultation.OpinionHandling.OfficerOpinion;
import cn.majordecision.documents.CaseDocument;
import cn.majordecision.documents.Documents;
import cn.majordecision.execution.DecisionFeedbacks;
import cn.majordecision.execution.Evaluations;
import cn.majordecision.execution.ExecutionService;
import cn.majordecision.forms.FormCatalog;
import cn.majordecision.forms.FormSchema;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
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
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What goes into a dossier (Art. 33): the case file, every stage record and every correction of it, the skipped stages
 * with their bases, every draft version, every uploaded document as its original file, the public opinions (their
 * submitters' names and contacts only in {@code data/restricted/}), the records after the decision, and the audit
 * bundle; as a BagIt (RFC 8493) package, the records as PDF/A-2u documents and as their original JSON.
 */
@Component
class DossierContents {

    /** Where personal data of the public goes; the receiving archive restricts access to it. */
    static final String RESTRICTED = "data/restricted/";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(ZoneId.of("Asia/Shanghai"));
    /** Reads every record as an auditor does: the dossier holds everything, nothing sealed or filtered. */
    private static final Actor ARCHIVE = new Actor("system", "归档包生成", null, Set.of("auditors", "archivists"));

    private final CaseService cases;
    private final FormCatalog forms;
    private final AuditBundles bundles;
    private final Documents documents;
    private final OpinionHandling opinions;
    private final ExecutionService execution;
    private final Evaluations evaluations;
    private final DecisionFeedbacks feedbacks;
    private final ArchiveFont font;
    private final Clock clock;
    private final ObjectMapper json;
    private final int retentionYears;

    DossierContents(CaseService cases, FormCatalog forms, AuditBundles bundles, Documents documents,
            OpinionHandling opinions, ExecutionService execution, Evaluations evaluations, DecisionFeedbacks feedbacks,
            ArchiveFont font, Clock clock, ObjectMapper mapper,
            @Value("${app.retention.years:30}") int retentionYears) {
        this.cases = cases;
        this.forms = forms;
        this.bundles = bundles;
        this.documents = documents;
        this.opinions = opinions;
        this.execution = execution;
        this.evaluations = evaluations;
        this.feedbacks = feedbacks;
        this.font = font;
        this.clock = clock;
        this.json = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
        if (retentionYears < 1) {
            throw new IllegalStateException("app.retention.years must be at least 1, was " + retentionYears);
        }
        this.retentionYears = retentionYears;
    }

    /** Why a version was made, as the bag says it. */
    record Occasion(int version, String reason, String reasonLabel, String detail) {
    }

    /** The bag of the case as it stands now. The caller holds the builder's lock: the parsed font is shared. */
    byte[] build(Long caseId, Occasion occasion) {
        if (!font.available()) {
            throw DomainException.conflict("ARCHIVE_FONT_MISSING", ArchiveFont.MISSING_HINT);
        }
        CaseDetail stored = cases.storedRecord(caseId);
        DecisionCase decisionCase = stored.decisionCase();
        Map<String, byte[]> payload = new LinkedHashMap<>();
        Calendar created = PdfDocuments.calendar(clock.instant());
        try {
            TrueTypeFont ttf = font.parsed();
            payload.put("data/00-case-file.pdf", PdfDocuments.write(ttf, decisionCase.getNumber() + " "
                    + decisionCase.getTitle(), caseLines(decisionCase, occasion, stored.flagRevisions()), created));
            records(ttf, stored, created, payload);
            skips(ttf, stored.skips(), created, payload);
            drafts(ttf, stored.drafts(), created, payload);
            Map<String, Long> attachments = documents.opinionAttachments(caseId);
            documents(decisionCase, attachments, payload);
            opinions(ttf, decisionCase, attachments, created, payload);
            afterDecision(ttf, decisionCase, created, payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        payload.put("data/audit-bundle.zip", bundles.bundle(decisionCase.getNumber()));
        return bag(decisionCase, occasion, payload);
    }

    private void records(TrueTypeFont ttf, CaseDetail stored, Calendar created, Map<String, byte[]> payload) {
        int n = 0;
        Map<Long, String> names = new HashMap<>();
        for (StageRecord record : stored.records()) {
            n++;
            String name = String.format("data/records/%02d-%s", n, record.getTaskKey());
            names.put(record.getId(), name);
            payload.put(name + ".pdf", PdfDocuments.write(ttf, record.getTaskName() + "（" + record.getStage().label()
                    + "）", recordLines(record.getFormKey(), record.getActorName(), record.getActor(),
                    record.getCompletedAt(), record.getDraftVersion(), record.getPayloadSha256(), record.getPayload(),
                    null), created));
            payload.put(name + ".json", recordJson(record));
        }
        int c = 0;
        for (RecordCorrection correction : stored.corrections()) {
            c++;
            StageRecord corrected = stored.records().stream().filter(r -> r.getId().equals(correction.getRecordId()))
                    .findFirst().orElse(null);
            String formKey = corrected == null ? null : corrected.getFormKey();
            String name = String.format("data/corrections/%02d-record-%d", c, correction.getRecordId());
            String title = "更正：" + (corrected == null ? "记录 " + correction.getRecordId() : corrected.getTaskName());
            List<Line> lines = new ArrayList<>();
            lines.add(new Line("被更正的记录", names.getOrDefault(correction.getRecordId(),
                    "记录 " + correction.getRecordId())));
            lines.add(new Line("更正理由", correction.getReason()));
            lines.addAll(recordLines(formKey, correction.getActorName(), correction.getActor(),
                    correction.getCorrectedAt(), null, correction.getPayloadSha256(), correction.getPayload(), null));
            payload.put(name + ".pdf", PdfDocuments.write(ttf, title, lines, created));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("correctionId", correction.getId());
            out.put("correctsRecordId", correction.getRecordId());
            out.put("actor", correction.getActor());
            out.put("actorName", correction.getActorName());
            out.put("correctedAt", correction.getCorrectedAt().toString());
            out.put("reason", correction.getReason());
            out.put("payloadSha256", correction.getPayloadSha256());
            out.put("payload", correction.getPayload());
            payload.put(name + ".json", bytes(out));
        }
    }

    private void skips(TrueTypeFont ttf, List<StageSkip> skips, Calendar created, Map<String, byte[]> payload) {
        if (skips.isEmpty()) {
            return;
        }
        List<Line> lines = new ArrayList<>();
        List<Map<String, Object>> out = new ArrayList<>();
        for (StageSkip skip : skips) {
            String basis = skip.basis().map(b -> b.statement()).orElse(null);
            lines.add(new Line(skip.getStage().label(), "依标记 " + skip.getFlag() + " = " + skip.isFlagValue()
                    + "（设置人 " + skip.getFlagSetBy() + "）未进行，" + SHOWN.format(skip.getSkippedAt()) + "。理由："
                    + skip.getReason() + (basis == null ? "" : "。依据：" + basis)));
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("stage", skip.getStage().name());
            one.put("flag", skip.getFlag());
            one.put("flagValue", skip.isFlagValue());
            one.put("flagSetBy", skip.getFlagSetBy());
            one.put("reason", skip.getReason());
            one.put("basis", basis);
            one.put("skippedAt", skip.getSkippedAt().toString());
            out.add(one);
        }
        payload.put("data/skips.pdf", PdfDocuments.write(ttf, "未进行的程序及其依据", lines, created));
        payload.put("data/skips.json", bytes(out));
    }

    private void drafts(TrueTypeFont ttf, List<DraftVersion> drafts, Calendar created, Map<String, byte[]> payload) {
        for (DraftVersion draft : drafts) {
            String name = String.format("data/drafts/v%02d", draft.getVersionNumber());
            payload.put(name + ".pdf", PdfDocuments.write(ttf, "决策草案 第 " + draft.getVersionNumber() + " 版", List.of(
                    new Line("拟订人", draft.getCreatedBy() + "，" + SHOWN.format(draft.getCreatedAt())),
                    new Line("草案", draft.getText()), new Line("起草说明", draft.getExplanation()),
                    new Line("修改说明", draft.getChangeSummary())), created));
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("version", draft.getVersionNumber());
            out.put("createdBy", draft.getCreatedBy());
            out.put("createdAt", draft.getCreatedAt().toString());
            out.put("text", draft.getText());
            out.put("explanation", draft.getExplanation());
            out.put("changeSummary", draft.getChangeSummary());
            payload.put(name + ".json", bytes(out));
        }
    }

    /** Every uploaded version as its original file; a public submitter's attachment goes to the restricted part. */
    private void documents(DecisionCase decisionCase, Map<String, Long> opinionAttachments,
            Map<String, byte[]> payload) throws IOException {
        Set<Long> restricted = Set.copyOf(opinionAttachments.values());
        List<Map<String, Object>> index = new ArrayList<>();
        for (Documents.DocumentHistory history : documents.list(decisionCase.getNumber(), ARCHIVE).documents()) {
            for (CaseDocument d : history.versions()) {
                String folder = restricted.contains(d.getId()) ? RESTRICTED + "opinion-attachments/" : "data/documents/";
                String name = folder + d.getId() + "-v" + d.getVersion() + "-" + safe(d.getFileName());
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                documents.writeContent(d, content);
                byte[] file = content.toByteArray();
                if (!sha256(file).equals(d.getSha256())) {
                    throw DomainException.conflict("DOCUMENT_CHANGED", "材料“" + d.getTitle() + "”第 " + d.getVersion()
                            + " 版的内容与上传时的摘要不符，不能归档；请由审计人员核查。");
                }
                payload.put(name, file);
                if (!restricted.contains(d.getId())) {
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("file", name);
                    one.put("title", d.getTitle());
                    one.put("version", d.getVersion());
                    one.put("fileName", d.getFileName());
                    one.put("mediaType", d.getMediaType());
                    one.put("sizeBytes", d.getSizeBytes());
                    one.put("sha256", d.getSha256());
                    one.put("stage", d.getStage() == null ? null : d.getStage().name());
                    one.put("uploadedBy", d.getUploadedBy());
                    one.put("uploadedAt", d.getUploadedAt().toString());
                    index.add(one);
                }
            }
        }
        if (!index.isEmpty()) {
            payload.put("data/documents/index.json", bytes(index));
        }
    }

    /**
     * The opinions as the public part keeps them: receipt number, text (with the submitter's own name and contact
     * replaced), screening and answer; names and contacts only in the restricted part, keyed by receipt number.
     */
    private void opinions(TrueTypeFont ttf, DecisionCase decisionCase, Map<String, Long> attachments, Calendar created,
            Map<String, byte[]> payload) {
        List<OfficerOpinion> all = opinions.list(decisionCase.getNumber(), ARCHIVE).opinions();
        if (all.isEmpty()) {
            return;
        }
        List<Map<String, Object>> open = new ArrayList<>();
        List<Map<String, Object>> restricted = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        for (OfficerOpinion o : all) {
            String text = pseudonymise(o.text(), o.name(), o.contact());
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("receiptNumber", o.receiptNumber());
            one.put("submittedAt", o.submittedAt());
            one.put("text", text);
            one.put("screening", o.screening());
            one.put("withheldReason", o.withheldReason());
            one.put("duplicateOf", o.duplicateOf());
            one.put("adoption", o.adoption());
            one.put("adoptionReason", o.adoptionReason());
            one.put("handledBy", o.handledBy());
            open.add(one);
            lines.add(new Line("意见 " + o.receiptNumber(), text));
            lines.add(new Line(null, "处理：" + (o.adoption() == null ? "未答复" : o.adoption())
                    + (o.adoptionReason() == null ? "" : "，理由：" + o.adoptionReason())));
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("receiptNumber", o.receiptNumber());
            who.put("name", o.name());
            who.put("contact", o.contact());
            who.put("text", o.text());
            Long attachment = attachments.get(o.receiptNumber());
            who.put("attachmentDocumentId", attachment);
            restricted.add(who);
        }
        payload.put("data/opinions/opinions.pdf", PdfDocuments.write(ttf, "公众意见及其采纳情况（已去除个人信息）", lines,
                created));
        payload.put("data/opinions/opinions.json", bytes(open));
        payload.put(RESTRICTED + "opinion-submitters.json", bytes(restricted));
    }

    /** The submitter's own name and contact, where the text repeats them, replaced by a placeholder. */
    static String pseudonymise(String text, String name, String contact) {
        String out = text == null ? "" : text;
        if (name != null && name.strip().length() >= 2) {
            out = out.replace(name.strip(), "〔提交人〕");
        }
        if (contact != null && contact.strip().length() >= 3) {
            out = out.replace(contact.strip(), "〔联系方式〕");
        }
        return out;
    }

    /**
     * The execution record, the post-decision evaluations and the public feedback on the decision (its submitters, as
     * for opinions, only in the restricted part). Suspensions, resumptions and terminations are in the execution
     * status and, each with its reason, in the audit bundle.
     */
    private void afterDecision(TrueTypeFont ttf, DecisionCase decisionCase, Calendar created,
            Map<String, byte[]> payload) {
        ExecutionService.ExecutionView view;
        try {
            view = execution.view(decisionCase.getNumber(), ARCHIVE);
        } catch (DomainException notDecided) {
            return; // no decision, nothing after it
        }
        List<Evaluations.Evaluation> evaluated = evaluations.list(decisionCase.getNumber(), ARCHIVE);
        List<DecisionFeedbacks.OfficerFeedback> feedback = feedbacks.list(decisionCase.getNumber(), ARCHIVE);
        boolean executed = view.executionUnit() != null || !view.reports().isEmpty() || view.statusSince() != null;
        if (!executed && evaluated.isEmpty() && feedback.isEmpty()) {
            return;
        }
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("执行单位", view.executionUnit()));
        lines.add(new Line("执行状态", view.statusLabel() + (view.statusReason() == null ? "" : "：" + view.statusReason())));
        for (ExecutionService.Report report : view.reports()) {
            lines.add(new Line(report.kindLabel() + "（" + report.filedBy() + "，" + report.filedAt() + "）",
                    report.text()));
        }
        for (Evaluations.Evaluation e : evaluated) {
            lines.add(new Line("决策后评估（" + e.triggerLabel() + "，" + e.evaluatorUnit() + "）", e.reason()
                    + (e.report() == null ? "。尚未提交评估报告。" : "。评估报告：" + text(e.report()))));
        }
        List<Map<String, Object>> open = new ArrayList<>();
        List<Map<String, Object>> restricted = new ArrayList<>();
        for (DecisionFeedbacks.OfficerFeedback f : feedback) {
            String text = pseudonymise(f.text(), f.name(), f.contact());
            lines.add(new Line("公众反馈 " + f.receiptNumber(), text));
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("receiptNumber", f.receiptNumber());
            one.put("submittedAt", String.valueOf(f.submittedAt()));
            one.put("text", text);
            open.add(one);
            Map<String, Object> who = new LinkedHashMap<>();
            who.put("receiptNumber", f.receiptNumber());
            who.put("name", f.name());
            who.put("contact", f.contact());
            who.put("text", f.text());
            restricted.add(who);
        }
        payload.put("data/after-decision/execution.pdf", PdfDocuments.write(ttf, "决策执行、评估和公众反馈", lines, created));
        payload.put("data/after-decision/execution.json", bytes(view));
        if (!evaluated.isEmpty()) {
            payload.put("data/after-decision/evaluations.json", bytes(evaluated));
        }
        if (!feedback.isEmpty()) {
            payload.put("data/after-decision/feedback.json", bytes(open));
            payload.put(RESTRICTED + "feedback-submitters.json", bytes(restricted));
        }
    }

    private List<Line> caseLines(DecisionCase c, Occasion occasion, List<FlagRevision> revisions) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("事项编号", c.getNumber()));
        lines.add(new Line("事项名称", c.getTitle()));
        lines.add(new Line("承办单位", c.getUndertakingUnit()));
        lines.add(new Line("提出", c.getFiledBy() + "，" + SHOWN.format(c.getFiledAt())));
        lines.add(new Line("拟解决的问题", c.getProblem()));
        lines.add(new Line("理由和依据", c.getReasonsAndBasis()));
        lines.add(new Line("初步方案", c.getInitialPlan()));
        lines.add(new Line("必要性和可行性", c.getNecessityAndFeasibility()));
        lines.add(new Line("状态", c.getStatus().label() + (c.getClosedAt() == null ? ""
                : "（" + SHOWN.format(c.getClosedAt()) + "）") + (c.getClosingReason() == null ? ""
                : "：" + c.getClosingReason())));
        lines.add(new Line("归档包版本", "第 " + occasion.version() + " 版：" + occasion.reasonLabel()
                + (occasion.detail() == null ? "" : "（" + occasion.detail() + "）")));
        for (FlagRevision r : revisions) {
            lines.add(new Line("标记修改", r.getFlag() + "，" + r.getRevisedBy() + "，" + SHOWN.format(r.getRevisedAt())
                    + "。理由：" + r.getReason()));
        }
        return lines;
    }

    private List<Line> recordLines(String formKey, String actorName, String actor, java.time.Instant at,
            Integer draftVersion, String sha256, String payloadJson, String note) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("办理人", actorName + "（" + actor + "）"));
        lines.add(new Line("办结时间", SHOWN.format(at)));
        if (draftVersion != null) {
            lines.add(new Line("所依据的草案版本", "第 " + draftVersion + " 版"));
        }
        lines.add(new Line("记录摘要（SHA-256）", sha256));
        FormSchema form = formKey == null ? null : forms.get(formKey);
        try {
            Map<String, Object> data = json.readValue(payloadJson, new TypeReference<LinkedHashMap<String, Object>>() { });
            data.forEach((key, value) -> lines.add(new Line(labelOf(form, key), text(value))));
        } catch (IOException e) {
            lines.add(new Line("记录内容", payloadJson));
        }
        if (note != null) {
            lines.add(new Line("说明", note));
        }
        return lines;
    }

    private static String labelOf(FormSchema form, String key) {
        String label = form == null ? null : form.label(key);
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
        return bytes(out);
    }

    private byte[] bytes(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safe(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "file" : fileName;
        return name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
    }

    private byte[] bag(DecisionCase decisionCase, Occasion occasion, Map<String, byte[]> payload) {
        String root = decisionCase.getNumber() + "/";
        StringBuilder manifest = new StringBuilder();
        long bytes = 0;
        for (Map.Entry<String, byte[]> file : payload.entrySet()) {
            manifest.append(sha256(file.getValue())).append("  ").append(file.getKey()).append('\n');
            bytes += file.getValue().length;
        }
        boolean hasRestricted = payload.keySet().stream().anyMatch(name -> name.startsWith(RESTRICTED));
        Map<String, byte[]> tags = new LinkedHashMap<>();
        tags.put("bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n".getBytes(StandardCharsets.UTF_8));
        tags.put("bag-info.txt", ("Source-Organization: " + decisionCase.getUndertakingUnit() + "\n"
                + "External-Identifier: " + decisionCase.getNumber() + "\n"
                + "External-Description: " + decisionCase.getTitle() + "（重大行政决策归档材料，《重大行政决策程序暂行条例》第三十三条）\n"
                + "Bagging-Date: " + java.time.LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))) + "\n"
                + "Bag-Count: " + occasion.version() + "\n"
                + "Bag-Group-Identifier: " + decisionCase.getNumber() + "-dossier\n"
                + "Dossier-Version: " + occasion.version() + "\n"
                + "Dossier-Reason: " + occasion.reason() + (occasion.detail() == null ? "" : " " + occasion.detail())
                + "\n"
                + "Case-Status: " + decisionCase.getStatus().name() + "\n"
                + "Payload-Oxum: " + bytes + "." + payload.size() + "\n"
                + (hasRestricted ? "Restricted-Part: " + RESTRICTED + " 含公众意见提交人的姓名、联系方式及其附件，属个人信息，"
                        + "按档案个人信息保护规定限制利用；公开部分的意见文本已去除提交人信息。\n" : "")
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
