package cn.majordecision.compliance;

import java.time.Instant;
import java.util.List;

/**
 * One group of articles of Decree 713 and how the case stands against it, with the records that show it and, when
 * not done, what is wrong in words a clerk understands.
 */
public record ArticleCheck(String articles, String title, ComplianceStatus status, String finding,
        List<Evidence> evidence) {

    /** A record that shows the finding: which record, on which form, when and by whom; or the flag of a skip. */
    public record Evidence(Long recordId, String formKey, String actor, String actorName, Instant at, String flag) {
    }
}
