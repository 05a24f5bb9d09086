package cn.majordecision.consultation;

import cn.majordecision.calendar.Deadlines;
import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.CaseStatus;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.DraftVersion;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.consultation.OpinionEvents.OpinionReceived;
import cn.majordecision.documents.Documents;
import cn.majordecision.shared.DomainException;
import cn.majordecision.shared.FieldViolation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MultipartFile;

/**
 * The consultation as the public sees it (Arts. 14-15): what is proposed, until when, and how to take part; and the
 * opinions anyone may submit while it is open. Nothing here shows who submitted what.
 */
@Service
public class PublicConsultations {

    private static final DateTimeFormatter CHINESE_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm:ss");
    private static final String RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final CaseService cases;
    private final PublicOpinionRepository opinions;
    private final ObjectMapper mapper;
    private final Documents documents;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxChars;
    private final DataSize maxAttachment;
    private final SecureRandom random = new SecureRandom();

    PublicConsultations(CaseService cases, PublicOpinionRepository opinions, ObjectMapper mapper,
            Documents documents, ApplicationEventPublisher events, Clock clock,
            @Value("${app.consultation.opinions.max-chars:5000}") int maxChars,
            @Value("${app.consultation.opinions.attachment-max-size:10MB}") DataSize maxAttachment) {
        this.cases = cases;
        this.opinions = opinions;
        this.mapper = mapper;
        this.documents = documents;
        this.events = events;
        this.clock = clock;
        this.maxChars = maxChars;
        this.maxAttachment = maxAttachment;
    }

    /** What the public page shows for one consultation. */
    public record PublicConsultation(String caseNumber, String title, Integer draftVersion, String draftText,
            String explanation, LocalDate periodStart, LocalDate periodEnd, OffsetDateTime opensAt,
            OffsetDateTime closesAt, boolean open, String howToSubmit, List<String> channels, boolean nameRequired,
            long opinionsReceived, Hearing hearing) {
    }

    /** A hearing as announced (Art. 16): how participants were chosen and who they are, before it is held. */
    public record Hearing(LocalDate hearingDate, LocalDate publishedOn, String selectionMethod,
            List<Participant> participants) {
    }

    /** A hearing participant as published: a name or organisation and whom they represent, nothing else. */
    public record Participant(String name, String affiliation) {
    }

    /** The receipt a submitter keeps; the text comes back exactly as stored, as JSON data. */
    public record Receipt(String receiptNumber, String caseNumber, OffsetDateTime submittedAt, String text,
            long alikeCount) {
    }

    /** What someone submits. */
    public record OpinionInput(String name, String contact, String text) {
    }

    @Transactional(readOnly = true)
    public List<PublicConsultation> open() {
        Instant now = clock.instant();
        Map<Long, StageRecord> latest = new LinkedHashMap<>();
        for (StageRecord record : cases.recordsOfForm(ConsultationRules.NOTICE)) {
            latest.put(record.getCaseId(), record);
        }
        List<PublicConsultation> result = new ArrayList<>();
        for (StageRecord record : latest.values()) {
            DecisionCase decisionCase = cases.get(record.getCaseId());
            if (decisionCase.getStatus() != CaseStatus.ACTIVE || decisionCase.getFlags().nonPublic()) {
                continue;
            }
            PublicConsultation view = view(decisionCase, record, now);
            if (view.open()) {
                result.add(view);
            }
        }
        return result;
    }

    @Transactional(readOnly = true)
    public PublicConsultation consultation(String caseNumber) {
        DecisionCase decisionCase = publicCase(caseNumber);
        return view(decisionCase, notice(decisionCase), clock.instant());
    }

    @Transactional
    public Receipt submit(String caseNumber, OpinionInput input) {
        DecisionCase decisionCase = publicCase(caseNumber);
        JsonNode notice = payload(notice(decisionCase));
        Instant now = clock.instant();
        requireOpen(notice, now);
        String text = input.text() == null ? "" : input.text().strip();
        String name = blankToNull(input.name());
        String contact = blankToNull(input.contact());
        List<FieldViolation> violations = new ArrayList<>();
        if (text.isEmpty()) {
            violations.add(new FieldViolation("text", "REQUIRED", "请填写意见内容。"));
        } else if (text.codePointCount(0, text.length()) > maxChars) {
            violations.add(new FieldViolation("text", "TOO_LONG",
                    "意见内容不能超过 %d 字，当前 %d 字。".formatted(maxChars, text.codePointCount(0, text.length()))));
        }
        if (name == null && notice.path("nameRequired").asBoolean(false)) {
            violations.add(new FieldViolation("name", "REQUIRED", "本次征求意见公告要求署名，请填写姓名。"));
        } else if (name != null && name.length() > 100) {
            violations.add(new FieldViolation("name", "TOO_LONG", "姓名不能超过 100 字。"));
        }
        if (contact != null && contact.length() > 200) {
            violations.add(new FieldViolation("contact", "TOO_LONG", "联系方式不能超过 200 字。"));
        }
        if (!violations.isEmpty()) {
            throw DomainException.invalid(violations);
        }
        String hash = sha256(normalise(text));
        PublicOpinion opinion = opinions.save(new PublicOpinion(decisionCase.getId(), receiptNumber(now), name,
                contact, text, hash, now));
        events.publishEvent(new OpinionReceived(decisionCase.getId(), opinion.getReceiptNumber(), hash));
        long alike = opinions.countByCaseIdAndTextHash(decisionCase.getId(), hash);
        return new Receipt(opinion.getReceiptNumber(), decisionCase.getNumber(),
                now.atZone(Deadlines.CHINA).toOffsetDateTime(), text, alike);
    }

    /**
     * A file attached to an opinion already submitted, while the consultation is open: its receipt number is what
     * the submitter alone knows. The file is checked from its bytes and kept with the case's documents, never public.
     */
    @Transactional
    public Receipt attach(String caseNumber, String receiptNumber, MultipartFile file) {
        DecisionCase decisionCase = publicCase(caseNumber);
        requireOpen(payload(notice(decisionCase)), clock.instant());
        PublicOpinion opinion = opinions.findByCaseIdAndReceiptNumber(decisionCase.getId(), receiptNumber)
                .orElseThrow(() -> DomainException.notFound("OPINION_NOT_FOUND", "没有找到回执编号为 %s 的意见。"
                        .formatted(receiptNumber)));
        documents.attachToOpinion(decisionCase, opinion.getReceiptNumber(), file, maxAttachment.toBytes());
        return new Receipt(opinion.getReceiptNumber(), decisionCase.getNumber(),
                opinion.getSubmittedAt().atZone(Deadlines.CHINA).toOffsetDateTime(), opinion.getText(),
                opinions.countByCaseIdAndTextHash(decisionCase.getId(), opinion.getTextHash()));
    }

    private void requireOpen(JsonNode notice, Instant now) {
        if (!now.isBefore(closesAt(notice))) {
            LocalDate last = date(notice, "periodEnd");
            throw DomainException.conflict("CONSULTATION_CLOSED", "本次征求意见已于 %d年%d月%d日 24:00（北京时间）截止，不再接收意见。"
                    .formatted(last.getYear(), last.getMonthValue(), last.getDayOfMonth()));
        }
        Instant opens = opensAt(notice);
        if (now.isBefore(opens)) {
            throw DomainException.conflict("CONSULTATION_NOT_OPEN",
                    "本次征求意见自 %s（北京时间）开始，届时方可提交意见。".formatted(chinese(opens)));
        }
    }

    /** Same text up to width, case and white space counts as the same opinion. */
    static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase().replaceAll("\\s+", "");
    }

    private DecisionCase publicCase(String caseNumber) {
        DecisionCase decisionCase;
        try {
            decisionCase = cases.get(caseNumber);
        } catch (DomainException e) {
            throw noSuchConsultation();
        }
        if (decisionCase.getStatus() != CaseStatus.ACTIVE || decisionCase.getFlags().nonPublic()) {
            throw noSuchConsultation();
        }
        return decisionCase;
    }

    private StageRecord notice(DecisionCase decisionCase) {
        return cases.latestRecord(decisionCase.getId(), ConsultationRules.NOTICE).orElseThrow(this::noSuchConsultation);
    }

    private DomainException noSuchConsultation() {
        return DomainException.notFound("CONSULTATION_NOT_FOUND", "没有找到该征求意见事项。");
    }

    private PublicConsultation view(DecisionCase decisionCase, StageRecord record, Instant now) {
        JsonNode notice = payload(record);
        Instant opens = opensAt(notice);
        Instant closes = closesAt(notice);
        Optional<DraftVersion> draft = cases.currentDraft(decisionCase.getId());
        List<String> channels = new ArrayList<>();
        notice.path("channels").forEach(channel -> channels.add(channel.asText()));
        return new PublicConsultation(decisionCase.getNumber(), decisionCase.getTitle(),
                draft.map(DraftVersion::getVersionNumber).orElse(null), draft.map(DraftVersion::getText).orElse(null),
                draft.map(DraftVersion::getExplanation).orElse(null), date(notice, "periodStart"),
                date(notice, "periodEnd"), opens.atZone(Deadlines.CHINA).toOffsetDateTime(),
                closes.atZone(Deadlines.CHINA).toOffsetDateTime(), !now.isBefore(opens) && now.isBefore(closes),
                notice.path("howToSubmit").asText(null), channels, notice.path("nameRequired").asBoolean(false),
                opinions.countByCaseId(decisionCase.getId()), hearing(decisionCase));
    }

    private Hearing hearing(DecisionCase decisionCase) {
        return cases.latestRecord(decisionCase.getId(), ConsultationRules.HEARING_NOTICE).map(record -> {
            JsonNode notice = payload(record);
            List<Participant> participants = new ArrayList<>();
            notice.path("participants").forEach(p -> participants.add(
                    new Participant(p.path("name").asText(), p.path("affiliation").asText(null))));
            return new Hearing(date(notice, "hearingDate"), date(notice, "publishedOn"),
                    notice.path("selectionMethod").asText(), participants);
        }).orElse(null);
    }

    private JsonNode payload(StageRecord record) {
        try {
            return mapper.readTree(record.getPayload());
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable notice record " + record.getId(), e);
        }
    }

    private static LocalDate date(JsonNode notice, String key) {
        String text = notice.path(key).asText("");
        return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    }

    private static Instant opensAt(JsonNode notice) {
        return date(notice, "periodStart").atStartOfDay(Deadlines.CHINA).toInstant();
    }

    private static Instant closesAt(JsonNode notice) {
        return Deadlines.endOf(date(notice, "periodEnd"));
    }

    private static String chinese(Instant instant) {
        return CHINESE_TIME.format(instant.atZone(Deadlines.CHINA));
    }

    private String receiptNumber(Instant now) {
        StringBuilder receipt = new StringBuilder("YJ")
                .append(DateTimeFormatter.ofPattern("yyyyMMdd").format(now.atZone(Deadlines.CHINA))).append('-');
        for (int i = 0; i < 8; i++) {
            receipt.append(RECEIPT_ALPHABET.charAt(random.nextInt(RECEIPT_ALPHABET.length())));
        }
        return receipt.toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
