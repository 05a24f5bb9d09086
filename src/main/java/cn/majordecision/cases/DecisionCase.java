package cn.majordecision.cases;

import cn.majordecision.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A major decision case (决策事项); guards its own status and stage transitions. */
@Entity
@Table(name = "decision_case")
public class DecisionCase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false, unique = true, length = 32)
    private String number;

    private String title;

    @Enumerated(EnumType.STRING)
    private DecisionCategory category;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposer_type")
    private ProposerType proposerType;

    @Column(name = "catalog_item")
    private String catalogItem;

    @Column(name = "outside_catalog_reason")
    private String outsideCatalogReason;

    @Column(name = "undertaking_unit")
    private String undertakingUnit;

    @Column(name = "lead_unit")
    private String leadUnit;

    @Lob
    private String problem;

    @Lob
    @Column(name = "reasons_and_basis")
    private String reasonsAndBasis;

    @Lob
    @Column(name = "initial_plan")
    private String initialPlan;

    @Lob
    @Column(name = "necessity_and_feasibility")
    private String necessityAndFeasibility;

    @Embedded
    private CaseFlags flags;

    @Column(name = "flags_set_by")
    private String flagsSetBy;

    // the basis of each flag that switches a stage off (Arts. 14, 19, 22): a code of SkipBasisCode and the statement
    @Column(name = "basis_non_public_code")
    private String basisNonPublicCode;
    @Column(name = "basis_non_public_text")
    private String basisNonPublicText;
    @Column(name = "basis_technical_code")
    private String basisTechnicalCode;
    @Column(name = "basis_technical_text")
    private String basisTechnicalText;
    @Column(name = "basis_stability_risk_code")
    private String basisStabilityRiskCode;
    @Column(name = "basis_stability_risk_text")
    private String basisStabilityRiskText;
    @Column(name = "basis_prior_risk_code")
    private String basisPriorRiskCode;
    @Column(name = "basis_prior_risk_text")
    private String basisPriorRiskText;

    @Column(name = "flags_confirmed_by")
    private String flagsConfirmedBy;

    @Column(name = "flags_confirmed_at")
    private Instant flagsConfirmedAt;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Enumerated(EnumType.STRING)
    private Stage stage;

    @Column(name = "current_draft_version")
    private int currentDraftVersion;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "filed_by")
    private String filedBy;

    @Column(name = "filed_at")
    private Instant filedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closing_reason")
    private String closingReason;

    /** Set when the record of the collective meeting is stored; never cleared (Art. 30). */
    @Column(name = "meeting_held")
    private boolean meetingHeld;

    @Version
    private long version;

    protected DecisionCase() {
    }

    /** A case with the flags its filing sets over the defaults and no skipping flag. */
    DecisionCase(String number, FileCaseCommand command, String filedBy, Instant filedAt) {
        this(number, command, CaseFlags.of(command.flags(), CaseFlags.DEFAULTS), Map.of(), filedBy, filedAt);
    }

    /** A case with its resolved flags and the basis of each one that switches a stage off, already checked. */
    DecisionCase(String number, FileCaseCommand command, CaseFlags flags, Map<String, SkipBasis> bases,
            String filedBy, Instant filedAt) {
        this.number = number;
        this.title = command.title();
        this.category = command.category();
        this.proposerType = command.proposerType();
        this.catalogItem = command.catalogItem();
        this.outsideCatalogReason = command.outsideCatalogReason();
        this.undertakingUnit = command.undertakingUnit();
        this.leadUnit = command.leadUnit();
        this.problem = command.problem();
        this.reasonsAndBasis = command.reasonsAndBasis();
        this.initialPlan = command.initialPlan();
        this.necessityAndFeasibility = command.necessityAndFeasibility();
        this.flags = flags;
        bases.forEach(this::giveSkipBasis);
        this.flagsSetBy = filedBy;
        this.status = CaseStatus.ACTIVE;
        this.stage = Stage.LAUNCH;
        this.filedBy = filedBy;
        this.filedAt = filedAt;
    }

    void attachProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void enterStage(Stage next) {
        requireActive();
        this.stage = next;
    }

    /** The head confirms the undertaking and lead unit when launching (Art. 11). */
    void confirmUnits(String undertakingUnit, String leadUnit) {
        requireActive();
        if (undertakingUnit != null && !undertakingUnit.isBlank()) {
            this.undertakingUnit = undertakingUnit;
        }
        if (leadUnit != null && !leadUnit.isBlank()) {
            this.leadUnit = leadUnit;
        }
    }

    int nextDraftVersion() {
        requireActive();
        return ++currentDraftVersion;
    }

    /**
     * Revises the flags; each changed flag must control a stage the case has not reached yet. The case's stage only
     * moves forward to the first task of a stage, so a skipped stage also counts as reached.
     */
    void reviseFlags(CaseFlags revised, String officer) {
        requireActive();
        Map<String, Object> now = flags.asVariables();
        revised.asVariables().forEach((flag, value) -> {
            Stage controlled = Stage.controlledBy(flag);
            if (!value.equals(now.get(flag)) && !stage.isBefore(controlled)) {
                throw DomainException.conflict("FLAG_STAGE_STARTED", "“%s”控制的“%s”阶段已经开始或已跳过，不能再修改该标记。"
                        .formatted(FlagLabels.of(flag), controlled.label()));
            }
        });
        this.flags = revised;
        this.flagsSetBy = officer;
    }

    /** Sets (or, with null, clears) the basis of a flag that switches a stage off. */
    void giveSkipBasis(String flag, SkipBasis basis) {
        String code = basis == null ? null : basis.code().name();
        String text = basis == null ? null : basis.text();
        switch (flag) {
            case "nonPublic" -> { basisNonPublicCode = code; basisNonPublicText = text; }
            case "technical" -> { basisTechnicalCode = code; basisTechnicalText = text; }
            case "stabilityRisk" -> { basisStabilityRiskCode = code; basisStabilityRiskText = text; }
            case "priorRiskAssessment" -> { basisPriorRiskCode = code; basisPriorRiskText = text; }
            default -> throw new IllegalArgumentException("Flag " + flag + " switches no stage off");
        }
    }

    /** The head, deciding the launch, confirms the flags and their bases (Arts. 10, 14, 19, 22). */
    void confirmFlags(String head, Instant at) {
        requireActive();
        this.flagsConfirmedBy = head;
        this.flagsConfirmedAt = at;
    }

    /** The basis given for a flag that switches a stage off, if any was given. */
    public Optional<SkipBasis> skipBasis(String flag) {
        String[] stored = switch (flag) {
            case "nonPublic" -> new String[] {basisNonPublicCode, basisNonPublicText};
            case "technical" -> new String[] {basisTechnicalCode, basisTechnicalText};
            case "stabilityRisk" -> new String[] {basisStabilityRiskCode, basisStabilityRiskText};
            case "priorRiskAssessment" -> new String[] {basisPriorRiskCode, basisPriorRiskText};
            default -> new String[] {null, null};
        };
        return SkipBasisCode.find(stored[0]).map(code -> new SkipBasis(code, stored[1]));
    }

    /** The basis of each flag that has one, keyed by flag. */
    public Map<String, SkipBasis> getSkipBases() {
        Map<String, SkipBasis> bases = new LinkedHashMap<>();
        for (String flag : new String[] {"nonPublic", "technical", "stabilityRisk", "priorRiskAssessment"}) {
            skipBasis(flag).ifPresent(basis -> bases.put(flag, basis));
        }
        return bases;
    }


    /** The collective meeting has been held: from now on the case is decided, not withdrawn. */
    void recordMeetingHeld() {
        requireActive();
        this.meetingHeld = true;
    }

    /**
     * Withdrawal by the officer is lawful only before the collective meeting has started, and never once a meeting was
     * held, even when a revision sent the case back to an earlier stage.
     */
    void withdraw(String reason, Instant at) {
        requireActive();
        requireNoMeetingHeld();
        if (!stage.isBefore(Stage.COLLECTIVE_DISCUSSION)) {
            throw DomainException.conflict("CASE_NOT_WITHDRAWABLE",
                    "事项已进入“" + stage.label() + "”阶段，集体讨论开始后不能撤回。");
        }
        close(CaseStatus.WITHDRAWN, reason, at);
    }

    void close(CaseStatus outcome, String reason, Instant at) {
        if (status == outcome) {
            return;
        }
        requireActive();
        if (outcome == CaseStatus.WITHDRAWN) {
            requireNoMeetingHeld();
        }
        this.status = outcome;
        this.closingReason = reason;
        this.closedAt = at;
    }

    private void requireNoMeetingHeld() {
        if (meetingHeld) {
            throw DomainException.conflict("CASE_NOT_WITHDRAWABLE", "事项 " + number
                    + " 已经召开集体讨论会议，不能再撤回；请由行政首长在会议上作出决定（第三十条）。");
        }
    }

    void requireActive() {
        if (status != CaseStatus.ACTIVE) {
            throw DomainException.conflict("CASE_CLOSED",
                    "事项 " + number + " 当前状态为“" + status.label() + "”，不能再办理。");
        }
    }

    public boolean isActive() {
        return status == CaseStatus.ACTIVE;
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getTitle() { return title; }
    public DecisionCategory getCategory() { return category; }
    public ProposerType getProposerType() { return proposerType; }
    public String getCatalogItem() { return catalogItem; }
    public String getOutsideCatalogReason() { return outsideCatalogReason; }
    public String getUndertakingUnit() { return undertakingUnit; }
    public String getLeadUnit() { return leadUnit; }
    public String getProblem() { return problem; }
    public String getReasonsAndBasis() { return reasonsAndBasis; }
    public String getInitialPlan() { return initialPlan; }
    public String getNecessityAndFeasibility() { return necessityAndFeasibility; }
    public CaseFlags getFlags() { return flags; }
    public String getFlagsSetBy() { return flagsSetBy; }
    public String getFlagsConfirmedBy() { return flagsConfirmedBy; }
    public Instant getFlagsConfirmedAt() { return flagsConfirmedAt; }
    public CaseStatus getStatus() { return status; }
    public Stage getStage() { return stage; }
    public int getCurrentDraftVersion() { return currentDraftVersion; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getFiledBy() { return filedBy; }
    public Instant getFiledAt() { return filedAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosingReason() { return closingReason; }
    public boolean isMeetingHeld() { return meetingHeld; }
}
