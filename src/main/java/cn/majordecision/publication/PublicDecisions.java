package cn.majordecision.publication;

import cn.majordecision.cases.CaseService;
import cn.majordecision.cases.DecisionCase;
import cn.majordecision.cases.DraftVersion;
import cn.majordecision.cases.StageRecord;
import cn.majordecision.consultation.OpinionAdoption;
import cn.majordecision.consultation.OpinionAdoption.AdoptionTable;
import cn.majordecision.execution.ExecutionService;
import cn.majordecision.execution.ExecutionService.PublicStatus;
import cn.majordecision.forms.FormCatalog;
import cn.majordecision.forms.FormSchema;
import cn.majordecision.shared.DomainException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published decisions as the public reads them (Art. 32): the decision text as it was decided, where and when it
 * was published, and, where opinions were sought, how they were adopted. A case that was not published (non-public,
 * or not yet at that step) is answered as unknown.
 */
@Service
@Transactional(readOnly = true)
public class PublicDecisions {

    static final String PUBLICATION_FORM = "publish-decision";

    private final CaseService cases;
    private final OpinionAdoption adoption;
    private final ObjectMapper mapper;
    private final ExecutionService execution;
    private final FormCatalog forms;

    PublicDecisions(CaseService cases, OpinionAdoption adoption, ObjectMapper mapper, ExecutionService execution,
            FormCatalog forms) {
        this.forms = forms;
        this.cases = cases;
        this.adoption = adoption;
        this.mapper = mapper;
        this.execution = execution;
    }

    /** A line of the list of published decisions. */
    public record Summary(String caseNumber, String title, String documentNumber, String publishedOn, String status,
            String statusLabel) {
    }

    /**
     * One published decision. {@code channels} are the codes of the channels used, {@code channelDetails} each with
     * its label and what was recorded for it (the gazette's issue, the website's address, ...); {@code lateReason}
     * when it was published later than the period after the decision.
     */
    public record PublishedDecision(String caseNumber, String title, String undertakingUnit, String documentNumber,
            String publishedOn, List<String> channels, List<Channel> channelDetails, String links, String status,
            String statusLabel, String statusReason, OffsetDateTime statusSince, String adjustedByCase,
            boolean awaitingOrgan, List<ExecutionService.StatusEvent> statusHistory, Integer draftVersion,
            String decisionText, String explanation, String adoptionStatement, String lateReason,
            AdoptionTable publicOpinions) {
    }

    /** A channel a decision was published through: its code, its label on the form, and its particulars. */
    public record Channel(String channel, String label, String detail) {
    }

    /** Newest first. */
    public List<Summary> published() {
        // records come oldest first: a case's last publication record is the one that stands
        Map<Long, StageRecord> latest = new LinkedHashMap<>();
        cases.recordsOfForm(PUBLICATION_FORM).forEach(record -> latest.put(record.getCaseId(), record));
        List<Summary> list = new ArrayList<>();
        for (StageRecord record : latest.values()) {
            DecisionCase decisionCase = cases.get(record.getCaseId());
            if (!decisionCase.getFlags().nonPublic()) {
                JsonNode data = read(record);
                PublicStatus status = execution.publicStatus(decisionCase.getId());
                list.add(new Summary(decisionCase.getNumber(), decisionCase.getTitle(), data.path("documentNumber").asText(),
                        date(data), status.status(), status.statusLabel()));
            }
        }
        list.sort(Comparator.comparing(Summary::publishedOn).reversed());
        return list;
    }

    public PublishedDecision decision(String caseNumber) {
        DecisionCase decisionCase;
        try {
            decisionCase = cases.get(caseNumber);
        } catch (DomainException e) {
            throw unknown();
        }
        if (decisionCase.getFlags().nonPublic()) {
            throw unknown();
        }
        StageRecord record = cases.latestRecord(decisionCase.getId(), PUBLICATION_FORM).orElseThrow(this::unknown);
        JsonNode data = read(record);
        Optional<DraftVersion> draft = cases.draft(decisionCase.getId(), record.getDraftVersion());
        List<String> channels = new ArrayList<>();
        List<Channel> details = new ArrayList<>();
        FormSchema form = forms.get(PUBLICATION_FORM);
        data.path("channels").forEach(channel -> {
            String code = channel.asText();
            channels.add(code);
            String field = PublicationChannels.DETAILS.get(code);
            details.add(new Channel(code, form.optionLabel("channels", code),
                    field == null ? null : blankToNull(data.path(field).asText(null))));
        });
        PublicStatus status = execution.publicStatus(decisionCase.getId());
        return new PublishedDecision(decisionCase.getNumber(), decisionCase.getTitle(), decisionCase.getUndertakingUnit(),
                data.path("documentNumber").asText(), date(data), channels, details, data.path("links").asText(null),
                status.status(), status.statusLabel(), status.reason(), status.since(), status.adjustedByCase(),
                status.awaitingOrgan(), status.history(), record.getDraftVersion(),
                draft.map(DraftVersion::getText).orElse(null), draft.map(DraftVersion::getExplanation).orElse(null),
                blankToNull(data.path("adoptionStatement").asText(null)), blankToNull(data.path("lateReason").asText(null)),
                adoption.table(decisionCase));
    }

    public byte[] adoptionCsv(String caseNumber) {
        return adoption.csv(decision(caseNumber).publicOpinions());
    }

    private JsonNode read(StageRecord record) {
        try {
            return mapper.readTree(record.getPayload());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored records are valid JSON: " + record.getId(), e);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String date(JsonNode data) {
        String text = data.path("publishedOn").asText("");
        return text.length() > 10 ? text.substring(0, 10) : text;
    }

    private DomainException unknown() {
        return DomainException.notFound("DECISION_NOT_FOUND", "没有找到该已公布的决策。");
    }
}
