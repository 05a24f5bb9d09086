package cn.majordecision.documents;

import cn.majordecision.cases.CaseAccess;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.OpenTask;
import cn.majordecision.cases.Stage;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.shared.Actor;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * Stores and hands out the files of a case. Who may read them follows who may see the case: officers of the unit or of
 * a granted unit, the town's offices and oversight, and reviewers (experts, risk assessors, legal advisers) who have or
 * had a task on it. Officers of the case's unit and whoever has an open task on it may upload. A file's type is told
 * from its bytes; the bytes are stored in chunks and streamed back chunk by chunk, never held whole in memory.
 */
@Service
public class Documents {

    private static final int MAX_TITLE = 200;
    /** The title under which a public opinion's attachment is kept, followed by the receipt number. */
    static final String OPINION_ATTACHMENT = "公众意见附件 ";
    /** Who uploaded a citizen's attachment: the public, never named. */
    static final String PUBLIC_UPLOADER = "public";

    private final CaseService cases;
    private final CaseAccess access;
    private final CaseDocumentRepository documents;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxBytes;
    private final int chunkBytes;

    Documents(CaseService cases, CaseAccess access, CaseDocumentRepository documents, JdbcTemplate jdbc,
            ApplicationEventPublisher events, Clock clock,
            @Value("${app.documents.max-size:50MB}") DataSize maxSize,
            @Value("${app.documents.chunk-size:1MB}") DataSize chunkSize) {
        this.cases = cases;
        this.access = access;
        this.documents = documents;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.maxBytes = maxSize.toBytes();
        this.chunkBytes = (int) chunkSize.toBytes();
    }

    /** What an upload says about the file besides its bytes. */
    public record Upload(MultipartFile file, String title, String stage, String taskId) {
    }

    /** The documents of a case: each title's latest version first, with all its versions, oldest first. */
    public record DocumentList(String caseNumber, List<DocumentHistory> documents) {
    }

    public record DocumentHistory(String title, CaseDocument latest, List<CaseDocument> versions) {
    }

    @Transactional
    public CaseDocument upload(String number, Upload upload, Actor actor) {
        DecisionCase decisionCase = visible(number, actor);
        boolean reader = access.mayRead(decisionCase, actor);
        if (!access.isOwnUnit(decisionCase, actor) && !hasOpenTask(decisionCase, actor)) {
            throw DomainException.forbidden("DOCUMENT_UPLOAD_NOT_ALLOWED",
                    "只有本事项承办单位的经办人和正在办理本事项任务的人员可以上传材料，您只能查阅。");
        }
        if (!decisionCase.isActive()) {
            throw DomainException.conflict("CASE_CLOSED", "事项已办结，不能再上传材料。");
        }
        String title = upload.title() == null ? "" : upload.title().strip();
        List<FieldViolation> violations = new ArrayList<>();
        if (title.isEmpty() || title.length() > MAX_TITLE || title.codePoints().anyMatch(Character::isISOControl)) {
            violations.add(new FieldViolation("title", "REQUIRED",
                    "请填写材料名称（不超过 200 个字），如“决策草案”“听证笔录扫描件”；同名材料再次上传即为新版本。"));
        }
        Stage stage = null;
        if (upload.stage() != null && !upload.stage().isBlank()) {
            stage = Arrays.stream(Stage.values()).filter(s -> s.name().equals(upload.stage().strip())).findFirst().orElse(null);
            if (stage == null) {
                violations.add(new FieldViolation("stage", "UNKNOWN_STAGE", "所属阶段不正确，请从 "
                        + Arrays.stream(Stage.values()).map(s -> s.name() + " " + s.label()).toList() + " 中选择。"));
            }
        }
        String taskId = upload.taskId() == null || upload.taskId().isBlank() ? null : upload.taskId().strip();
        if (taskId != null) {
            Optional<Stage> ofTask = taskOfCase(decisionCase, taskId);
            if (ofTask == null) {
                violations.add(new FieldViolation("taskId", "UNKNOWN_TASK", "该任务不属于本事项。"));
            } else if (stage == null && ofTask.isPresent()) {
                stage = ofTask.get();
            }
        }
        MultipartFile file = upload.file();
        if (file == null) {
            violations.add(new FieldViolation("file", "FILE_REQUIRED", "请选择要上传的文件（以 multipart/form-data 提交，字段名 file）。"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        return checkAndStore(decisionCase, title, stage, taskId, file, maxBytes, actor.userId(), !reader);
    }

    /**
     * A citizen's attachment to their public opinion: checked like any upload, under a smaller limit, and stored as the
     * case document named after the opinion's receipt number. One attachment per opinion.
     */
    public CaseDocument attachToOpinion(DecisionCase decisionCase, String receiptNumber, MultipartFile file,
            long limitBytes) {
        if (file == null) {
            throw DomainException.invalid(List.of(new FieldViolation("file", "FILE_REQUIRED",
                    "请选择要上传的文件（以 multipart/form-data 提交，字段名 file）。")));
        }
        String title = OPINION_ATTACHMENT + receiptNumber;
        if (documents.latestVersion(decisionCase.getId(), title) > 0) {
            throw DomainException.conflict("ATTACHMENT_EXISTS", "这条意见已有附件，每条意见只能附一个文件。");
        }
        return checkAndStore(decisionCase, title, Stage.PUBLIC_PARTICIPATION, null, file, Math.min(limitBytes, maxBytes),
                PUBLIC_UPLOADER, false);
    }

    /** The document ids of a case's public opinion attachments, by receipt number. */
    @Transactional(readOnly = true)
    public Map<String, Long> opinionAttachments(Long caseId) {
        Map<String, Long> attachments = new HashMap<>();
        for (CaseDocument d : documents.findByCaseIdOrderByTitleAscVersionAsc(caseId)) {
            if (d.getTitle().startsWith(OPINION_ATTACHMENT) && PUBLIC_UPLOADER.equals(d.getUploadedBy())) {
                attachments.put(d.getTitle().substring(OPINION_ATTACHMENT.length()), d.getId());
            }
        }
        return attachments;
    }

    private static String sizeText(long bytes) {
        return bytes >= 1024 * 1024 ? bytes / (1024 * 1024) + " MB" : Math.max(1, bytes / 1024) + " KB";
    }

    private CaseDocument checkAndStore(DecisionCase decisionCase, String title, Stage stage, String taskId,
            MultipartFile file, long limitBytes, String uploader, boolean reviewerUpload) {
        if (file.isEmpty()) {
            throw refused("FILE_EMPTY", "上传的文件是空的（0 字节），请检查后重新选择。");
        }
        if (file.getSize() > limitBytes) { // the multipart limit refuses the largest first; this is the per-use limit
            throw refused("FILE_TOO_LARGE", "文件超过上限（" + sizeText(limitBytes) + "），请压缩或拆分后上传。");
        }
        String fileName = FileNames.sanitise(file.getOriginalFilename());
        Path temp = null;
        try {
            temp = Files.createTempFile("case-document-", ".upload");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, temp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            DocumentTypes.Type type = DocumentTypes.detect(temp).orElseThrow(() -> refused("FILE_TYPE_UNSUPPORTED",
                    "不支持该文件类型（按文件内容识别）。可上传：" + DocumentTypes.ACCEPTED + "。"));
            if (type == DocumentTypes.DOCX || type == DocumentTypes.XLSX || type == DocumentTypes.ODT) {
                ContainerLimits.check(temp);
            }
            String extension = FileNames.extension(fileName);
            if (!extension.isEmpty() && !type.extensions().contains(extension)) {
                throw refused("FILE_TYPE_MISMATCH", "文件名后缀为 ." + extension + "，但文件内容是" + type.label()
                        + "。请确认选择的文件是否正确，或改用与内容相符的后缀。");
            }
            return store(decisionCase, title, stage, taskId, fileName, type, temp, uploader, reviewerUpload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary directory is cleaned by the system
                }
            }
        }
    }

    private CaseDocument store(DecisionCase decisionCase, String title, Stage stage, String taskId, String fileName,
            DocumentTypes.Type type, Path content, String uploader, boolean reviewerUpload) throws IOException {
        MessageDigest sha256 = sha256();
        long size;
        try (InputStream in = new DigestInputStream(Files.newInputStream(content), sha256)) {
            size = in.transferTo(OutputStream.nullOutputStream());
        }
        String digest = HexFormat.of().formatHex(sha256.digest());
        int version = documents.latestVersion(decisionCase.getId(), title) + 1;
        CaseDocument document = documents.saveAndFlush(new CaseDocument(decisionCase.getId(), title, version, fileName,
                type.mediaType(), size, digest, stage, taskId, uploader, clock.instant(), reviewerUpload));
        try (InputStream in = Files.newInputStream(content)) {
            int seq = 0;
            byte[] chunk;
            while ((chunk = in.readNBytes(chunkBytes)).length > 0) {
                jdbc.update("INSERT INTO document_chunk (document_id, seq, content) VALUES (?, ?, ?)",
                        document.getId(), seq++, chunk);
            }
        }
        events.publishEvent(new DocumentUploaded(decisionCase.getId(), document.getId(), title, version, fileName,
                type.mediaType(), size, digest, stage == null ? null : stage.name(), uploader));
        return document;
    }

    @Transactional(readOnly = true)
    public DocumentList list(String number, Actor actor) {
        DecisionCase decisionCase = visible(number, actor);
        boolean reader = access.mayRead(decisionCase, actor);
        Map<String, List<CaseDocument>> byTitle = new LinkedHashMap<>();
        documents.findByCaseIdOrderByTitleAscVersionAsc(decisionCase.getId()).stream()
                .filter(d -> reader || seenByReviewer(d, actor))
                .forEach(d -> byTitle.computeIfAbsent(d.getTitle(), t -> new ArrayList<>()).add(d));
        List<DocumentHistory> histories = byTitle.entrySet().stream()
                .map(e -> new DocumentHistory(e.getKey(), e.getValue().get(e.getValue().size() - 1), e.getValue()))
                .sorted((a, b) -> b.latest().getUploadedAt().compareTo(a.latest().getUploadedAt()))
                .toList();
        return new DocumentList(decisionCase.getNumber(), histories);
    }

    /** The document version, for someone who may see it; its bytes come from {@link #writeContent}. */
    @Transactional(readOnly = true)
    public CaseDocument find(String number, Long id, Actor actor) {
        DecisionCase decisionCase = visible(number, actor);
        boolean reader = access.mayRead(decisionCase, actor);
        return documents.findByIdAndCaseId(id, decisionCase.getId())
                .filter(d -> reader || seenByReviewer(d, actor))
                .orElseThrow(() -> DomainException.notFound("DOCUMENT_NOT_FOUND", "未找到该材料。"));
    }

    /** Streams the stored bytes one chunk at a time: at most one chunk is in memory. */
    public void writeContent(CaseDocument document, OutputStream out) throws IOException {
        List<Integer> seqs = jdbc.queryForList("SELECT seq FROM document_chunk WHERE document_id = ? ORDER BY seq",
                Integer.class, document.getId());
        for (Integer seq : seqs) {
            byte[] chunk = jdbc.queryForObject("SELECT content FROM document_chunk WHERE document_id = ? AND seq = ?",
                    (rs, i) -> rs.getBytes(1), document.getId(), seq);
            out.write(chunk);
        }
        out.flush();
    }

    /**
     * The case, if the actor may see it: as a reader of the case, or as a reviewer who has or had a task on it. To
     * anybody else it does not exist.
     */
    @Transactional(readOnly = true)
    public DecisionCase visible(String number, Actor actor) {
        DecisionCase decisionCase;
        try {
            decisionCase = cases.get(number);
        } catch (DomainException unknown) {
            throw unknownCase(number);
        }
        if (access.mayRead(decisionCase, actor) || hasOpenTask(decisionCase, actor)
                || cases.records(decisionCase.getId()).stream().anyMatch(r -> r.getActor().equals(actor.userId()))) {
            return decisionCase;
        }
        throw unknownCase(number);
    }

    /** Reviewers see the case's materials and their own uploads, not another reviewer's (experts write independently). */
    private static boolean seenByReviewer(CaseDocument document, Actor actor) {
        return !document.isReviewerUpload() || document.getUploadedBy().equals(actor.userId());
    }

    /** An open task assigned to the actor, or offered to a group of theirs; officers' tasks only for the own unit. */
    private boolean hasOpenTask(DecisionCase decisionCase, Actor actor) {
        if (!decisionCase.isActive()) {
            return false;
        }
        for (OpenTask task : cases.openTasks(decisionCase.getId())) {
            if (actor.userId().equals(task.assignee())) {
                return true;
            }
            if (task.candidateGroups().stream().anyMatch(g -> actor.isIn(g) && !"officers".equals(g))) {
                return true;
            }
        }
        return false;
    }

    /** The stage of a task of the case (empty when still open), or null when the task is not the case's. */
    private Optional<Stage> taskOfCase(DecisionCase decisionCase, String taskId) {
        if (decisionCase.isActive() && cases.openTasks(decisionCase.getId()).stream().anyMatch(t -> t.id().equals(taskId))) {
            return Optional.empty();
        }
        for (StageRecord record : cases.records(decisionCase.getId())) {
            if (taskId.equals(record.getTaskId())) {
                return Optional.ofNullable(record.getStage());
            }
        }
        return null;
    }

    private static DomainException refused(String code, String message) {
        return new DomainException(DomainException.Kind.INVALID, code, message,
                List.of(new FieldViolation("file", code, message)));
    }

    static DomainException unknownCase(String number) {
        return DomainException.notFound("CASE_NOT_FOUND", "未找到编号为 " + number + " 的决策事项。");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
