package cn.majordecision.consultation;

import java.util.List;

/** What happens to public opinions, for the audit log. No name or contact: the log keeps no personal data. */
public final class OpinionEvents {

    private OpinionEvents() {
    }

    /** An opinion arrived; its text is identified by its digest. */
    public record OpinionReceived(Long caseId, String receiptNumber, String textSha256) {
    }

    /** An officer published or withheld an opinion. */
    public record OpinionScreened(Long caseId, String receiptNumber, String screening, String withheldReason,
            String duplicateOf, String by) {
    }

    /** An officer answered how one opinion, or a group of alike ones, was adopted. */
    public record OpinionAnswered(Long caseId, List<String> receiptNumbers, String adoption, String reason, String by) {
    }
}
