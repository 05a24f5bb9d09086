package cn.majordecision.compliance;

import java.util.List;

/** The compliance check of one case: every group of articles, in statutory order. */
public record ComplianceReport(String caseNumber, String title, String status, boolean anyViolation,
        List<ArticleCheck> articles) {
}
