package cn.majordecision.cases;

/** Events the case module publishes; the audit trail and later modules listen to them. */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** A case was filed. */
    public record CaseFiled(Long caseId, String caseNumber, String filedBy) {
    }

    /** A task submission was recorded; {@code payloadSha256} is the digest of the canonical JSON submitted. */
    public record StageRecorded(Long caseId, Long recordId, Stage stage, String formKey, String actor,
            String taskId, String payloadSha256) {
    }

    /**
     * A new draft version was appended; {@code draftSha256} is the digest of its text, explanation and change summary
     * ({@link cn.majordecision.shared.RecordIntegrity#draftDigest}).
     */
    public record DraftAdded(Long caseId, Stage stage, int version, String actor, String draftSha256) {
    }

    /**
     * The content of a record was corrected by a new record pointing at it; {@code payloadSha256} is the digest of the
     * correction's canonical JSON.
     */
    public record RecordCorrected(Long caseId, Long recordId, Long correctionId, String actor, String payloadSha256) {
    }

    /**
     * An officer changed one flag of a case before the stage it controls started; {@code basis} is the basis of a
     * change that switches a stage off ("ground: particulars"), else null.
     */
    public record FlagRevised(Long caseId, String flag, boolean value, String reason, String revisedBy, String basis) {
    }

    /**
     * A conditional stage was skipped because of a flag, with the flag's value, who set it and the basis given for it
     * ("ground: particulars"; null when none was given).
     */
    public record StageSkipped(Long caseId, Stage stage, String flag, boolean flagValue, String flagSetBy,
            String basis) {
    }

    /** A case reached a final status; {@code by} is the user who withdrew it, null when the process ended it. */
    public record CaseClosed(Long caseId, CaseStatus status, String by, String reason) {
    }

    /** A head let another unit read a case, or revoked that. */
    public record AccessChanged(Long caseId, String unit, boolean granted, String reason, String by) {
    }
}
