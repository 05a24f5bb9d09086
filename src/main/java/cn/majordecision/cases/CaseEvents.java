package cn.majordecision.cases;

/** Events the case module publishes; the audit trail and later modules listen to them. */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** A case was filed. */
    public record CaseFiled(Long caseId, String caseNumber, String filedBy) {
    }

    /** A task submission was recorded. */
    public record StageRecorded(Long caseId, Long recordId, Stage stage, String formKey, String actor) {
    }

    /** A conditional stage was skipped because of a flag. */
    public record StageSkipped(Long caseId, Stage stage, String flag) {
    }

    /** The content of a record was corrected by a new record pointing at it. */
    public record RecordCorrected(Long caseId, Long recordId, Long correctionId, String actor) {
    }

    /** A case reached a final status. */
    public record CaseClosed(Long caseId, CaseStatus status) {
    }
}
