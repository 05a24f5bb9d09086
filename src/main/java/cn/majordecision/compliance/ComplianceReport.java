package cn.majordecision.compliance;

import cn.majordecision.shared.RecordIntegrity;
import java.time.Instant;
import java.util.List;

/**
 * The compliance check of one case: every group of articles, in statutory order, and every repair an engine operator
 * made to its process (a repair restores the procedure; the auditor sees each one, with its reason).
 * {@code tamperedRecords} are the case's records that no longer match the audit log (ADR 0021): none of them counts as
 * evidence for any article, and any of them is a violation.
 */
public record ComplianceReport(String caseNumber, String title, String status, boolean anyViolation,
        List<ArticleCheck> articles, List<Repair> repairs, List<RecordIntegrity.Mismatch> tamperedRecords) {

    /** An operator's repair of the case's process: what was done, why, by whom and when. */
    public record Repair(String action, String actionLabel, String detail, String reason, String repairedBy,
            Instant repairedAt) {
    }
}
